import { z } from "zod";
import { defineAction } from "../actions/action";
import { systemId } from "../rules/ids";
import { notFound } from "../use-cases/record-changes";

/** CONTRACT §9's webhook endpoints, managed by an admin; deliveries follow Standard Webhooks. */

export interface WebhookEndpoint {
  id: string;
  url: string;
  types: string[];
  createdBy: string;
  createdAt: string;
  /** When its delivery was parked after failing for the whole retry window; null while it runs. */
  parkedAt: string | null;
  /** Deliveries not yet made (pending or parked). */
  undelivered: number;
}

export interface WebhookDelivery {
  customerId: string;
  sequence: number;
  eventId: string;
  type: string;
  status: "pending" | "delivered" | "parked";
  attempts: number;
  nextAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: string | null;
}

/** The webhooks port. `remove`, `resume` and `deliveries` answer null for an unknown endpoint. */
export interface WebhookStore {
  add(endpoint: {
    url: string;
    secret: string;
    types: string[];
    createdBy: string;
  }): Promise<WebhookEndpoint>;
  list(): Promise<WebhookEndpoint[]>;
  remove(id: string): Promise<boolean>;
  resume(id: string): Promise<WebhookEndpoint | null>;
  deliveries(
    id: string,
    status: WebhookDelivery["status"] | undefined,
    limit: number,
  ): Promise<WebhookDelivery[] | null>;
}

/** `customer.created`, `customer.*`, `ingest.*` or `*`. */
const TYPE_PATTERN = /^(\*|[a-z][A-Za-z]*\.(\*|[a-z][A-Za-z]*))$/;
/** Standard Webhooks' secret: `whsec_` and the base64 of 24 to 64 random bytes. */
const SECRET = /^whsec_[A-Za-z0-9+/]{32,88}={0,2}$/;

const endpointIdField = systemId("endpointId");

export const webhookAddInput = z.strictObject({
  url: z
    .url({ protocol: /^https?$/, error: "url must be an http:// or https:// URL" })
    .max(2_000, { error: "url must be at most 2,000 characters" }),
  secret: z
    .string({ error: "secret is required" })
    .regex(SECRET, { error: "secret must be whsec_ followed by the base64 of 24 to 64 random bytes" }),
  types: z
    .array(
      z.string().regex(TYPE_PATTERN, { error: "each type must be like customer.created, customer.* or *" }),
      {
        error: "types must be an array of event types",
      },
    )
    .min(1, { error: "types must name at least one event type or pattern" })
    .max(50, { error: "types may name at most 50 event types or patterns" }),
});

const endpointSchema = z.object({
  id: z.string(),
  url: z.string(),
  types: z.array(z.string()),
  createdBy: z.string(),
  createdAt: z.string(),
  parkedAt: z.string().nullable(),
  undelivered: z.number().int(),
});

const deliverySchema = z.object({
  customerId: z.string(),
  sequence: z.number().int(),
  eventId: z.string(),
  type: z.string(),
  status: z.enum(["pending", "delivered", "parked"]),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: z.string().nullable(),
});

const unknownEndpoint = (id: string) => notFound("endpointId", `No webhook endpoint has endpointId ${id}.`);

export const webhookAdd = defineAction({
  name: "FTOS_ACC_WebhookAdd",
  procedure: "webhooks.add",
  kind: "mutation",
  access: "admin",
  tag: "Events",
  title: "Webhook endpoint",
  summary: "Registers an endpoint to receive the change events of the given types, signed with its secret.",
  input: webhookAddInput,
  output: endpointSchema,
  message: (endpoint) => `Webhook endpoint ${endpoint.id} added`,
  run: ({ sources, actor }, input) => sources.webhooks.add({ ...input, createdBy: actor.userName }),
});

export const webhookList = defineAction({
  name: "FTOS_ACC_WebhookList",
  procedure: "webhooks.list",
  kind: "query",
  access: "admin",
  tag: "Events",
  title: "Webhook endpoints",
  summary:
    "Every webhook endpoint with its types, whether its delivery is parked, and how many events it has yet to get.",
  input: z.strictObject({}).nullish(),
  output: z.object({ items: z.array(endpointSchema) }),
  message: (output) => `${output.items.length} webhook endpoints`,
  run: async ({ sources }) => ({ items: await sources.webhooks.list() }),
});

export const webhookRemove = defineAction({
  name: "FTOS_ACC_WebhookRemove",
  procedure: "webhooks.remove",
  kind: "mutation",
  access: "admin",
  tag: "Events",
  title: "Webhook endpoint removal",
  summary: "Removes an endpoint and its undelivered events.",
  input: z.strictObject({ endpointId: endpointIdField }),
  output: z.object({ endpointId: z.string(), removed: z.literal(true) }),
  message: (output) => `Webhook endpoint ${output.endpointId} removed`,
  run: async ({ sources }, { endpointId }) => {
    if (!(await sources.webhooks.remove(endpointId))) throw unknownEndpoint(endpointId);
    return { endpointId, removed: true as const };
  },
});

export const webhookResume = defineAction({
  name: "FTOS_ACC_WebhookResume",
  procedure: "webhooks.resume",
  kind: "mutation",
  access: "admin",
  tag: "Events",
  title: "Webhook delivery resumed",
  summary: "Resumes a parked endpoint: its parked events are tried again at once, in order, then the rest.",
  input: z.strictObject({ endpointId: endpointIdField }),
  output: endpointSchema,
  message: (endpoint) => `Webhook endpoint ${endpoint.id} resumed`,
  run: async ({ sources }, { endpointId }) => {
    const endpoint = await sources.webhooks.resume(endpointId);
    if (!endpoint) throw unknownEndpoint(endpointId);
    return endpoint;
  },
});

export const webhookDeliveries = defineAction({
  name: "FTOS_ACC_WebhookDeliveries",
  procedure: "webhooks.deliveries",
  kind: "query",
  access: "admin",
  tag: "Events",
  title: "Webhook deliveries",
  summary: "An endpoint's deliveries, newest first: status, attempts, the receiver's last answer or error.",
  input: z.strictObject({
    endpointId: endpointIdField,
    status: z
      .enum(["pending", "delivered", "parked"], { error: "status must be pending, delivered or parked" })
      .optional(),
    limit: z
      .number({ error: "limit must be a whole number from 1 to 1000" })
      .int({ error: "limit must be a whole number from 1 to 1000" })
      .min(1, { error: "limit must be a whole number from 1 to 1000" })
      .max(1000, { error: "limit must be a whole number from 1 to 1000" })
      .default(100),
  }),
  output: z.object({ items: z.array(deliverySchema) }),
  message: (output) => `${output.items.length} webhook deliveries`,
  run: async ({ sources }, { endpointId, status, limit }) => {
    const items = await sources.webhooks.deliveries(endpointId, status, limit);
    if (!items) throw unknownEndpoint(endpointId);
    return { items };
  },
});

/** Whether an event type is one an endpoint asked for (`customer.*` matches `customer.updated`). */
export function typeMatches(patterns: readonly string[], type: string): boolean {
  return patterns.some(
    (pattern) =>
      pattern === "*" ||
      pattern === type ||
      (pattern.endsWith(".*") && type.startsWith(pattern.slice(0, -1))),
  );
}
