import type { AddressFields } from "@account360/core";
import type { Faker } from "@faker-js/faker";
import { faker as fakerDE } from "@faker-js/faker/locale/de";
import { faker as fakerEN } from "@faker-js/faker/locale/en";
import { faker as fakerFR } from "@faker-js/faker/locale/fr";
import { faker as fakerRO } from "@faker-js/faker/locale/ro";
import type { Rng } from "./rng";

/**
 * Names and places come from faker, drawn once per run into pools per locale (faker is seeded
 * with the run's seed, so the pools are the same on every machine); customers then pick from the
 * pools with their own stream. Reseeding faker per customer costs ~60 µs and each faker call
 * ~10 µs, which would make the profiles of 5,000 customers take seconds.
 */

export type LocaleCode = "ro" | "de" | "fr" | "en";

export const LOCALES: readonly (readonly [LocaleCode, number])[] = [
  ["ro", 86],
  ["de", 5],
  ["fr", 4],
  ["en", 5],
];

/** The country each locale's people come from and its addresses lie in. */
export const COUNTRY_OF: Record<LocaleCode, string> = { ro: "RO", de: "DE", fr: "FR", en: "US" };

/**
 * Each locale's faker with its fallbacks (ro → en → base, …). Imported per locale: the package's
 * main entry loads all seventy locales, which took longer than seeding a thousand customers.
 */
const FAKERS: Record<LocaleCode, Faker> = { ro: fakerRO, de: fakerDE, fr: fakerFR, en: fakerEN };

export interface Person {
  firstName: string;
  lastName: string;
  sex: "female" | "male";
}

/** Where an address is: every field of the core's address but its customer and type. */
export type Place = Omit<AddressFields, "customerInternalId" | "addressType">;

interface LocalePool {
  female: string[];
  male: string[];
  last: { female: string[]; male: string[] };
  towns: { city: string; district: string }[];
  streets: string[];
  postalCodes: string[];
  companies: string[];
}

const draw = <T>(count: number, make: () => T): T[] => Array.from({ length: count }, make);
/** COPY text is written unescaped, so no word may hold a tab, line break or backslash. */
const clean = (text: string) => text.replace(/[\\\t\n\r]/g, " ").trim();

function localePool(locale: LocaleCode, seed: number): LocalePool {
  // The shared instances are reseeded here and used nowhere else, so the pools depend on the seed alone.
  const faker = FAKERS[locale];
  faker.seed([seed, 0x6e616d65, LOCALES.findIndex(([code]) => code === locale)]);
  const size = locale === "ro" ? 500 : 120;
  return {
    female: draw(size, () => clean(faker.person.firstName("female"))),
    male: draw(size, () => clean(faker.person.firstName("male"))),
    last: {
      female: draw(size * 2, () => clean(faker.person.lastName("female"))),
      male: draw(size * 2, () => clean(faker.person.lastName("male"))),
    },
    towns: draw(size, () => ({
      city: faker.location.city(),
      district: clean(locale === "ro" ? faker.location.county() : faker.location.state()),
    })),
    streets: draw(size, () => clean(faker.location.street())),
    postalCodes: draw(size, () => clean(faker.location.zipCode().toUpperCase())),
    // Drawn last, so every pool before it is what it was before companies existed.
    companies: draw(size, () => clean(faker.company.name())),
  };
}

/** The pools of one run. */
export class NamePools {
  private readonly pools = new Map<LocaleCode, LocalePool>();

  constructor(private readonly seed: number) {}

  private pool(locale: LocaleCode): LocalePool {
    let pool = this.pools.get(locale);
    if (!pool) {
      pool = localePool(locale, this.seed);
      this.pools.set(locale, pool);
    }
    return pool;
  }

  person(locale: LocaleCode, rng: Rng): Person {
    const pool = this.pool(locale);
    const sex = rng.chance(0.51) ? "female" : "male";
    return { firstName: rng.pick(pool[sex]), lastName: rng.pick(pool.last[sex]), sex };
  }

  /** A company name as the locale's faker makes them ("Ignat - Olteanu", "Rath-Breu"). */
  company(locale: LocaleCode, rng: Rng): string {
    return rng.pick(this.pool(locale).companies);
  }

  /** A postal address in the locale's country; Romanian ones often in an apartment block. */
  place(locale: LocaleCode, rng: Rng): Place {
    const pool = this.pool(locale);
    const town = rng.pick(pool.towns);
    const streetNo = rng.chance(0.1)
      ? `${rng.int(1, 150)}${rng.pick(["A", "B", "C"])}`
      : String(rng.int(1, 220));
    const inBlock = rng.chance(locale === "ro" ? 0.55 : 0.3);
    return {
      country: COUNTRY_OF[locale],
      district: town.district,
      city: town.city,
      streetName: rng.pick(pool.streets),
      streetNo,
      buildingNo:
        inBlock && locale === "ro" ? `${rng.pick(["", "A", "B", "C", "M"])}${rng.int(1, 99)}` : null,
      floorNo: inBlock ? (rng.chance(0.12) ? "P" : String(rng.int(1, 10))) : null,
      apartmentNo: inBlock ? String(rng.int(1, 160)) : null,
      postalCode: rng.pick(pool.postalCodes),
    };
  }
}

/** A mobile number in E.164, valid for libphonenumber: Romanian +407…, else the country's own. */
export function mobilePhoneOf(country: string, rng: Rng): string {
  const digits = (count: number) => {
    let text = "";
    for (let i = 0; i < count; i++) text += String(rng.int(0, 9));
    return text;
  };
  switch (country) {
    case "DE":
      return rng.chance(0.5)
        ? `+49${rng.pick(["151", "152", "157"])}${digits(8)}`
        : `+49${rng.pick(["160", "170", "176"])}${digits(7)}`;
    case "FR":
      return `+336${digits(8)}`;
    case "US":
      return `+1${rng.pick(["212", "312", "415", "617", "305"])}555${digits(4)}`;
    default:
      // 072x–077x: the Romanian mobile ranges libphonenumber's full metadata accepts whole.
      return `+407${rng.int(2, 7)}${digits(7)}`;
  }
}

/** Letters and digits of a name, without diacritics, for e-mail local parts. */
export function asciiOf(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/ß/g, "ss")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}
