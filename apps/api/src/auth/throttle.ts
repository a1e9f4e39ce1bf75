import { clientAddressKey } from "./client-address";
import { hashToken } from "./tokens";

/**
 * Failed logins allowed in one window (CONTRACT §2). A (username, address) pair has the small
 * budget, so guessing one user's password from one place stops quickly; an address has a larger
 * one across usernames (spraying one password over many users); a username a much larger one
 * across addresses (guessing from many places). None of them lets a stranger lock a user out:
 * the username's budget never refuses an address that has not failed, so the user, logging in
 * from where it always does, gets in while someone elsewhere guesses.
 */
export interface ThrottleLimits {
  perPair: number;
  perAddress: number;
  perUsername: number;
  windowSeconds: number;
}

export const DEFAULT_THROTTLE: ThrottleLimits = {
  perPair: 5,
  perAddress: 20,
  perUsername: 50,
  windowSeconds: 15 * 60,
};

export interface ThrottleKeys {
  pair: string;
  address: string;
  username: string;
}

/**
 * The keys one attempt counts against. The username is hashed, so a password typed into the
 * username field never lands in the database in clear; every spelling of one name, known or
 * not, gives the same keys.
 */
export function throttleKeys(username: string, clientAddress: string): ThrottleKeys {
  const name = username.trim().toLowerCase();
  const address = clientAddressKey(clientAddress);
  return {
    pair: `pair:${hashToken(`${name}\n${address}`)}`,
    address: `addr:${address}`,
    username: `user:${hashToken(name)}`,
  };
}

/** The keys that refuse this attempt, given each key's failures in its window before it. */
export function refusingKeys(
  keys: ThrottleKeys,
  limits: ThrottleLimits,
  failuresBefore: ReadonlyMap<string, number>,
): string[] {
  const failures = (key: string) => failuresBefore.get(key) ?? 0;
  const refusing: string[] = [];
  if (failures(keys.pair) >= limits.perPair) refusing.push(keys.pair);
  if (failures(keys.address) >= limits.perAddress) refusing.push(keys.address);
  if (failures(keys.username) >= limits.perUsername && failures(keys.address) > 0) {
    refusing.push(keys.username);
  }
  return refusing;
}
