import { searchCustomers, searchTermsOf } from "@account360/core";
import { runAction } from "@account360/core/testing";
import { type SQL, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../database";
import { insertCustomer, uid } from "../ingest/test-kit";
import type { Db } from "../sql/db";
import { testDatabaseOfFile } from "../test-world";
import { customerSearchSource, likePrefix } from "./customer-search";

const handle = testDatabaseOfFile();
// Every test customer's last name carries this run's tag, so searches see only this file's rows.
const tag = `Zq${uid().toLowerCase()}`;
const ids: Record<string, string> = {};

beforeAll(async () => {
  const people = [
    {
      key: "ana",
      firstName: "Ana",
      lastName: `${tag}popescu`,
      uniqueId: "2850101123456",
      email: "ana.p@example.ro",
    },
    {
      key: "anca",
      firstName: "Anca",
      lastName: `${tag}popa`,
      uniqueId: "2900202654321",
      email: "anca@bank.ro",
    },
    {
      key: "stefan",
      firstName: "Ștefan",
      lastName: `${tag}ionescu`,
      uniqueId: "1800303111222",
      email: "s@x.ro",
    },
    {
      key: "under",
      firstName: "Under_score",
      lastName: `${tag}100%`,
      uniqueId: "A-1/2.3",
      email: "u_1@x.ro",
    },
  ];
  for (const [i, { key, ...fields }] of people.entries()) {
    ids[key] = await insertCustomer(handle.db, { ...fields, mobilePhone: `+4072290000${i}` });
  }
});

const search = (input: { query: string; limit?: number; cursor?: string | null }) =>
  runAction(searchCustomers, { search: customerSearchSource(handle.sql) }, input);
const names = async (query: string) => (await search({ query })).items.map((item) => item.fullName);

describe("customers.search", () => {
  it("matches a prefix of the first name, the last name, or the whole name in either order, ignoring case", async () => {
    expect(await names(`${tag}pop`)).toEqual([`Anca ${tag}popa`, `Ana ${tag}popescu`]);
    expect(await names(`${tag.toUpperCase()}POPES`)).toEqual([`Ana ${tag}popescu`]);
    expect(await names(`ana ${tag}`)).toEqual([`Ana ${tag}popescu`]);
    expect(await names(`  ${tag}popa   anc `)).toEqual([`Anca ${tag}popa`]);
    expect(await names(`ștefan ${tag}`)).toEqual([`Ștefan ${tag}ionescu`]);
    expect(await names(`ȘTEFAN ${tag}`)).toEqual([`Ștefan ${tag}ionescu`]);
    // A prefix, not a substring.
    expect(await names(`${tag.slice(1)}popescu`)).toEqual([]);
  });

  it("matches the UniqueID, the e-mail address and the phone number at their start", async () => {
    const one = async (query: string) => {
      const { items } = await search({ query });
      return items.map((i) => [i.customerInternalId, i.matchedOn]);
    };
    expect(await one("28501011")).toEqual([[ids.ana, "uniqueId"]]);
    expect(await one("anca@BANK")).toEqual([[ids.anca, "email"]]);
    expect(await one("+40 722 900 002")).toEqual([[ids.stefan, "phone"]]);
    expect(await one("0722-900-002")).toEqual([[ids.stefan, "phone"]]);
    expect(await one("0040722900002")).toEqual([[ids.stefan, "phone"]]);
    const result = await search({ query: "1800303111222" });
    expect(result.items[0]).toMatchObject({
      customerInternalId: ids.stefan,
      fullName: `Ștefan ${tag}ionescu`,
      initials: "ȘZ",
      uniqueIdMasked: "*********1222",
      email: "s@x.ro",
      mobilePhone: "+40722900002",
    });
  });

  it("treats % and _ in the query as text, not wildcards", async () => {
    expect(await names(`${tag}100%`)).toEqual([`Under_score ${tag}100%`]);
    expect(await names(`${tag}1_0`)).toEqual([]);
    expect(await names(`${tag}%`)).toEqual([]);
    expect(await names("u_1@")).toEqual([`Under_score ${tag}100%`]);
    expect(await names("a-1/2")).toEqual([`Under_score ${tag}100%`]);
    expect(likePrefix("a\\b%c_")).toBe("a\\\\b\\%c\\_%");
  });

  it("pages with a cursor, every match exactly once, in name order", async () => {
    const first = await search({ query: tag, limit: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await search({ query: tag, limit: 3, cursor: first.nextCursor });
    expect(second.nextCursor).toBeNull();
    const all = [...first.items, ...second.items].map((i) => i.customerInternalId);
    expect(all).toEqual([ids.under, ids.stefan, ids.anca, ids.ana]);
    const exact = await search({ query: tag, limit: 4 });
    expect(exact.nextCursor).toBeNull();
  });

  it("refuses a query shorter than 2 or longer than 100 characters, a bad limit or cursor", async () => {
    await expect(search({ query: " a " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: [{ field: "query", message: "query must be from 2 to 100 characters" }],
    });
    await expect(search({ query: "x".repeat(101) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(search({ query: "ana", limit: 51 })).rejects.toMatchObject({
      fieldErrors: [{ field: "limit" }],
    });
    await expect(search({ query: "ana", cursor: "not-a-cursor" })).rejects.toMatchObject({
      fieldErrors: [{ field: "cursor" }],
    });
  });

  it("walks the prefix indexes, never the table, and stops early on a broad prefix", async () => {
    await handle.db.execute(sql`insert into customers (unique_id, first_name, last_name, email, mobile_phone)
      select 'GEN' || n, (array['Ana','Ion','Maria','Mihai','Elena','Andrei'])[n % 6 + 1],
        'Gen' || md5(n::text), 'gen' || n || '@example.ro', '+4073' || lpad(n::text, 7, '0')
      from generate_series(1, 20000) n`);
    await handle.db.execute(sql`analyze customers`);
    for (const query of [`${tag}pop`, "maria gen0", "gen12@", "GEN1999", "+40730001", "0730001", "an"]) {
      let plan = "";
      const explaining = customerSearchSource({
        ...handle.sql,
        execute: async (statement: SQL) => {
          const explained = await handle.db.execute(sql`explain ${statement}`);
          plan = rowsOf<{ "QUERY PLAN": string }>(explained)
            .map((r) => r["QUERY PLAN"])
            .join("\n");
          return [];
        },
      } as Db);
      const terms = searchTermsOf(query, "RO");
      await explaining.search(terms, { after: null, limit: 21, candidates: 1000 });
      expect(plan, query).not.toMatch(/Seq Scan/);
      // first-last, last-first, a legal entity's name, e-mail; UniqueID and registration number; phone.
      const arms = 4 + (terms.uniqueIdPrefix ? 2 : 0) + (terms.phonePrefix ? 1 : 0);
      // Each arm reads its own index: walked in order, or (when few match) as a bitmap then sorted.
      const scans = plan.match(/(Index (Only )?Scan using|Bitmap Index Scan on) customers_search_\w+_idx/g);
      expect(scans, query).toHaveLength(arms);
    }
  });

  it("looks at a bounded number of matches per kind, says so, and still pages them in name order", async () => {
    const broad = await search({ query: "gen", limit: 50 });
    expect(broad.truncated).toBe(true);
    expect(broad.items).toHaveLength(50);
    const names = broad.items.map((i) => i.fullName);
    expect(names).toEqual([...names].sort((a, b) => (a.split(" ")[1]! < b.split(" ")[1]! ? -1 : 1)));
    const next = await search({ query: "gen", limit: 50, cursor: broad.nextCursor });
    expect(next.items[0]!.fullName.split(" ")[1]! > names.at(-1)!.split(" ")[1]!).toBe(true);
    expect((await search({ query: `${tag}pop` })).truncated).toBe(false);

    const few = await customerSearchSource(handle.sql).search(searchTermsOf("gen1", "RO"), {
      after: null,
      limit: 100,
      candidates: 2,
    });
    expect(few.truncated).toBe(true);
    // Three candidates from each of the UniqueID and e-mail walks (the names start "Gen…" only as last names).
    expect(few.rows.length).toBeGreaterThanOrEqual(3);
    expect(few.rows.length).toBeLessThanOrEqual(9);
  });
});

describe("customers.search for legal entities", () => {
  it("finds a legal entity by name, UniqueID and registration number, sorted among individuals by name", async () => {
    const company = `${tag}Carpati Logistic SRL`;
    await handle.db.execute(sql`insert into customers (kind, unique_id, name, registration_number, account_type)
      values ('legalEntity', ${`CUI${tag}`.toUpperCase()}, ${company}, ${`J40/${tag}/2015`}, 'Company'),
             ('legalEntity', ${`GRP${tag}`.toUpperCase()}, ${`${tag}popa Group`}, null, 'Group')`);
    const byName = await search({ query: `${tag}carpati log` });
    expect(byName.items).toEqual([
      expect.objectContaining({
        fullName: company,
        initials: "ZL",
        kind: "legalEntity",
        registrationNumber: `J40/${tag}/2015`,
        matchedOn: "name",
        email: "",
      }),
    ]);
    expect((await search({ query: `cui${tag}` })).items.map((i) => [i.fullName, i.matchedOn])).toEqual([
      [company, "uniqueId"],
    ]);
    expect((await search({ query: `j40/${tag}` })).items.map((i) => [i.fullName, i.matchedOn])).toEqual([
      [company, "registrationNumber"],
    ]);
    // "…popa" (Anca), "…popa Group", "…popescu" (Ana): one order across kinds, by name.
    const mixed = await search({ query: `${tag}pop` });
    expect(mixed.items.map((i) => [i.fullName, i.kind])).toEqual([
      [`Anca ${tag}popa`, "individual"],
      [`${tag}popa Group`, "group"],
      [`Ana ${tag}popescu`, "individual"],
    ]);
  });
});
