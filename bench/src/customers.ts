import { type CustomerFields, creationChanges } from "@account360/core";

const FIRST_NAMES = [
  "Ana",
  "Ioana",
  "Maria",
  "Elena",
  "Andrei",
  "Mihai",
  "Alexandru",
  "Radu",
  "Ștefan",
  "Irina",
];
const LAST_NAMES = [
  "Popescu",
  "Ionescu",
  "Popa",
  "Dumitru",
  "Stan",
  "Stoica",
  "Gheorghe",
  "Rusu",
  "Munteanu",
  "Matei",
];

const asciiOf = (text: string) => text.normalize("NFD").replace(/[^A-Za-z]/g, "");

/**
 * The `CustomerInfo` of the i-th create of a run, as an integrator sends it: a UniqueID no
 * earlier request used (`prefix` keeps runs and sides apart), a valid e-mail and a valid
 * Romanian mobile number (+40 72x xxx xxx).
 */
export function customerInfoOf(prefix: string, i: number) {
  const first = FIRST_NAMES[i % FIRST_NAMES.length]!;
  const last = LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length]!;
  return {
    UniqueID: `${prefix}-${i}`,
    firstName: first,
    lastName: last,
    email: `${asciiOf(first)}.${asciiOf(last)}.${i}@example.ro`.toLowerCase(),
    mobilePhone: `+4072${String(i % 10_000_000).padStart(7, "0")}`,
    emailAddressType: "Personal",
    phoneNumberType: "Mobile",
  };
}

/**
 * The same create as the server stores it (UniqueID upper-cased; the rest is sent canonical),
 * and the audit `changes` it records, so the driver floor writes the same bytes.
 */
export function storedCustomerOf(prefix: string, i: number): { fields: CustomerFields; changes: string } {
  const info = customerInfoOf(prefix, i);
  const fields: CustomerFields = { ...info, UniqueID: info.UniqueID.toUpperCase() };
  return { fields, changes: JSON.stringify(creationChanges(fields)) };
}
