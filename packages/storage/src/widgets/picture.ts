import type { AccountPictureSource } from "@account360/core";
import { sql } from "drizzle-orm";
import type { Db } from "../sql/db";
import { readStatement } from "../sql/statement";

interface PictureRow {
  first_name: string | null;
  last_name: string | null;
  name: string | null;
  content_type: string | null;
  data_base64: string | null;
}

const pictureFacts = readStatement<{ customerId: string }>(
  "account picture",
  (p) => sql`select c.first_name, c.last_name, c.name, p.content_type,
      translate(encode(p.data, 'base64'), E'\n', '') as data_base64
    from customers c left join pictures p on p.customer_id = c.id
    where c.id = ${p.customerId}::text::uuid`,
);

/**
 * FTOS_ACC_AccountPicture: the customer and its picture in one round trip. The bytes are
 * base64-encoded by PostgreSQL (whose encoder wraps lines every 76 characters; the breaks are
 * removed), so both drivers hand back the same text.
 */
export function accountPictureSource(db: Db): AccountPictureSource {
  return {
    async pictureFacts({ customerId }) {
      const row = (await db.run<PictureRow, { customerId: string }>(pictureFacts, { customerId }))[0];
      if (!row) return null;
      const picture =
        row.content_type !== null && row.data_base64 !== null
          ? { contentType: row.content_type, dataBase64: row.data_base64 }
          : null;
      return {
        firstName: row.first_name ?? "",
        lastName: row.last_name ?? "",
        legalEntityName: row.name,
        picture,
      };
    },
  };
}
