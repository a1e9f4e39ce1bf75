import { type SQL, sql } from "drizzle-orm";
import type { Param } from "../sql/statement";

/** A membership active today: its dates, either end open, hold today (inclusive). */
export const isActiveMembership = (alias: string, today: Param): SQL => {
  const m = sql.raw(alias);
  return sql`(${m}.start_date is null or ${m}.start_date <= ${today}::text::date)
    and (${m}.end_date is null or ${m}.end_date >= ${today}::text::date)`;
};

/** What a customer of either kind is called: a legal entity's name, an individual's "first last". */
export const customerName = (alias: string): SQL => {
  const c = sql.raw(alias);
  return sql`coalesce(${c}.name, ${c}.first_name || ' ' || ${c}.last_name)`;
};
