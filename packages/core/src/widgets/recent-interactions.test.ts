import { describe, expect, it } from "vitest";
import { parseInput } from "../rules/edge-input";
import {
  decodeInteractionCursor,
  encodeInteractionCursor,
  type InteractionRow,
  pageFrom,
  recentInteractionsInput,
} from "./recent-interactions";

const position = { occurredAt: "2025-06-01T09:30:00.123456Z", id: "0b4c6a8e-8d0f-4f7e-9a57-3c3a8b2f1e10" };
const row = (i: number): InteractionRow => ({
  id: `0b4c6a8e-8d0f-4f7e-9a57-3c3a8b2f1e1${i}`,
  occurredAt: `2025-06-0${i}T00:00:00.000Z`,
  position: `2025-06-0${i}T00:00:00.000000Z`,
  channel: "Email",
  type: "Mail",
  direction: "Inbound",
  subject: "s",
});

describe("interaction cursors", () => {
  it("carry the exact position, URL-safe, and refuse anything else", () => {
    const cursor = encodeInteractionCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeInteractionCursor(cursor)).toEqual(position);
    expect(decodeInteractionCursor("abc")).toBeNull();
    expect(decodeInteractionCursor(btoa(JSON.stringify({ t: "yesterday", i: position.id })))).toBeNull();
  });

  it("end a page one short of what was fetched, pointing at its last item", () => {
    const rows = [row(5), row(4), row(3)];
    const page = pageFrom(rows, 2);
    expect(page.items.map((i) => i.id)).toEqual([row(5).id, row(4).id]);
    expect(page.items[0]).not.toHaveProperty("position");
    expect(decodeInteractionCursor(page.nextCursor!)).toEqual({ occurredAt: row(4).position, id: row(4).id });
    expect(pageFrom(rows, 3).nextCursor).toBeNull();
  });
});

describe("recentInteractionsInput", () => {
  const base = {
    customerInternalId: position.id,
    fromDate: "2025-06-01",
    toDate: "2025-06-30T23:00:00-02:00",
  };

  it("takes timestamps as their UTC date, a numeric-string limit, and channels as a list", () => {
    const parsed = parseInput(recentInteractionsInput, {
      ...base,
      limit: "20",
      channels: "Email,Phone",
    });
    expect(parsed).toMatchObject({ toDate: "2025-07-01", limit: 20, channels: ["Email", "Phone"] });
    expect(parseInput(recentInteractionsInput, parsed)).toEqual(parsed);
  });

  it("reads a blank limit or cursor as absent", () => {
    const parsed = parseInput(recentInteractionsInput, { ...base, limit: " ", cursor: "" });
    expect(parsed).toMatchObject({ limit: null, cursor: null });
  });
});
