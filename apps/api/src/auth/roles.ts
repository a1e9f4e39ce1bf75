import type { Access } from "@account360/core";

export const ROLES = ["reader", "writer", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, once the token is verified. `userName` is spelled as stored. */
export interface Principal {
  userId: string;
  userName: string;
  roles: Role[];
}

/** What a procedure or action needs: `write` covers the write actions and `ingest.*`. */
export type Need = Access;

const grants: Record<Role, readonly Need[]> = {
  // Roles do not imply each other (the contract's example gives a user both writer and
  // reader), except admin, which may do everything.
  reader: ["read"],
  writer: ["write"],
  admin: ["read", "write", "admin"],
};

export function canCall(principal: Pick<Principal, "roles">, need: Need): boolean {
  return principal.roles.some((role) => grants[role]?.includes(need) ?? false);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
