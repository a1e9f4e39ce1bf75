import type { Entity, EntityFields, StoredRecord, WriteTransaction } from "../ports/write-store";
import { badRequest, conflict, notFound } from "./record-changes";

/** The records that belong to one customer: an address, an agreement, a representative link, … */
type OwnedEntity = {
  [E in Entity]: EntityFields[E] extends { customerInternalId: string } ? E : never;
}[Entity];

/**
 * How a write names the record it updates (an `address` by its `addressIdentifier`), with the
 * refusals that go with it, worded alike for every write.
 */
export function namedRecord<E extends OwnedEntity>(entity: E, noun: string, identifier: string) {
  const article = /^[aeiou]/.test(noun) ? "an" : "a";
  const title = noun.charAt(0).toUpperCase() + noun.slice(1);
  const unknown = (id: string) => notFound(identifier, `No ${noun} has ${identifier} ${id}.`);
  return {
    unknown,
    /** 400: a field only a new record needs, sent without the identifier. */
    requiredToAdd: (field: string) =>
      badRequest(
        field,
        `${field} is required to add ${article} ${noun} (send ${identifier} to update one).`,
        `${field} is required when ${identifier} is not sent`,
      ),
    /**
     * The record with this identifier, locked: 404 when there is none, 409 when a customer is
     * sent and the record belongs to another.
     */
    async lock(
      tx: WriteTransaction,
      id: string,
      customerInternalId?: string | null,
    ): Promise<StoredRecord<E>> {
      const stored = await tx.lock(entity, { id });
      if (!stored) throw unknown(id);
      if (customerInternalId && customerInternalId !== stored.customerInternalId) {
        throw conflict(identifier, `${title} ${id} belongs to another customer than ${customerInternalId}.`);
      }
      return stored;
    },
  };
}

/** A validity period ends no earlier than it starts; an open start or end has nothing to compare. */
export function requireEndAfterStart(fields: {
  startDate: string | null;
  endDate?: string | null | undefined;
}): void {
  // YYYY-MM-DD strings order as the dates they name.
  if (fields.startDate && fields.endDate && fields.endDate < fields.startDate) {
    throw badRequest(
      "endDate",
      `endDate ${fields.endDate} is before startDate ${fields.startDate}.`,
      "endDate must not be before startDate",
    );
  }
}
