import { AppError } from "../errors/app-error";
import type {
  AuditStamp,
  Entity,
  EntityFields,
  FieldChanges,
  StoredRecord,
  WriteStore,
  WriteTransaction,
} from "../ports/write-store";

/** A field left out of a request (undefined) keeps the stored value; null clears it. */
export type Patch<F> = { [K in keyof F]?: F[K] | undefined };

export function merge<F extends object>(stored: F, patch: Patch<F>): F {
  const next = { ...stored };
  for (const key of Object.keys(patch) as (keyof F)[]) {
    const value = patch[key];
    if (value !== undefined) next[key] = value as F[keyof F];
  }
  return next;
}

/** A stored record without its id: the fields a request is compared with. */
export function fieldsOf<R extends { id: string }>(stored: R): Omit<R, "id"> {
  const { id: _id, ...fields } = stored;
  return fields;
}

/** The fields of `next` whose value differs from `stored`. */
export function changesBetween<F extends object>(stored: F, next: F): FieldChanges {
  const changes: FieldChanges = {};
  for (const key of Object.keys(next) as (keyof F & string)[]) {
    if (stored[key] !== next[key]) changes[key] = { old: stored[key] ?? null, new: next[key] ?? null };
  }
  return changes;
}

/** The audit changes of a new record: every field that has a value, each with `old: null`. */
export function creationChanges<F extends object>(fields: F): FieldChanges {
  const changes: FieldChanges = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value !== null && value !== undefined) changes[key] = { old: null, new: value };
  }
  return changes;
}

/** Writes `next` over the locked record with its audit entry, or nothing when nothing changed. */
export async function saveChanges<E extends Entity>(
  tx: WriteTransaction,
  entity: E,
  stored: StoredRecord<E>,
  next: EntityFields[E],
  stamp: AuditStamp,
): Promise<"updated" | "unchanged"> {
  const changes = changesBetween<object>(fieldsOf(stored), next);
  if (Object.keys(changes).length === 0) return "unchanged";
  await tx.update(entity, stored.id, next, changes, stamp);
  return "updated";
}

const ATTEMPTS = 3;

/**
 * Creates the record in one statement when its natural key is free; otherwise hands the record
 * that holds the key, locked, to `existing`. The database decides which of concurrent identical
 * requests creates, so they never make two records. `absent` runs when nothing was created and
 * nothing holds the key, to say why (a missing reference); if it finds nothing wrong, a
 * concurrent writer moved the key and the whole step is tried again.
 */
export async function createOrUpdateExisting<E extends Entity, R>(
  store: WriteStore,
  entity: E,
  fields: EntityFields[E],
  stamp: AuditStamp,
  handlers: {
    created: (id: string) => R;
    existing: (tx: WriteTransaction, stored: StoredRecord<E>) => Promise<R>;
    absent?: (tx: WriteTransaction) => Promise<void>;
  },
): Promise<R> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const id = await store.create(entity, fields, stamp);
    if (id !== null) return handlers.created(id);
    const outcome = await store.transaction(async (tx) => {
      const stored = await tx.lock(entity, { sameKeyAs: fields });
      if (stored) return { result: await handlers.existing(tx, stored) };
      await handlers.absent?.(tx);
      return null;
    });
    if (outcome) return outcome.result;
  }
  throw new AppError("INTERNAL", "The record kept changing while it was being written; please try again.");
}

/** Runs a use case whose input sits under one object (`CustomerInfo`): field errors are reported at their full path. */
export async function withinSection<T>(section: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof AppError) || error.fieldErrors.length === 0) throw error;
    const moved = new AppError(
      error.code,
      error.message,
      error.fieldErrors.map((e) => ({ field: `${section}.${e.field}`, message: e.message })),
    );
    moved.cause = error.cause;
    throw moved;
  }
}

export const notFound = (field: string, message: string, fieldMessage = message) =>
  new AppError("NOT_FOUND", message, [{ field, message: fieldMessage }]);

export const conflict = (field: string, message: string, fieldMessage = message) =>
  new AppError("CONFLICT", message, [{ field, message: fieldMessage }]);

export const badRequest = (field: string, message: string, fieldMessage = message) =>
  new AppError("BAD_REQUEST", message, [{ field, message: fieldMessage }]);
