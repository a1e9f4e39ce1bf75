import { isIPv4, isIPv6 } from "node:net";

/**
 * The throttling key part for a client address. An IPv4-mapped IPv6 address counts as its IPv4
 * address, and an IPv6 address as its /64 network: one subscriber usually holds a whole /64,
 * so per-address counting would otherwise give an attacker 2^64 fresh addresses.
 */
export function clientAddressKey(address: string): string {
  const trimmed = address.trim().toLowerCase();
  const withoutZone = trimmed.replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(withoutZone);
  if (mapped?.[1] && isIPv4(mapped[1])) return mapped[1];
  if (isIPv4(withoutZone)) return withoutZone;
  if (isIPv6(withoutZone)) return `${ipv6Groups(withoutZone).slice(0, 4).join(":")}::/64`;
  return trimmed === "" ? "unknown" : trimmed.slice(0, 100);
}

/** The eight groups of a valid IPv6 address, without leading zeros. */
function ipv6Groups(address: string): string[] {
  const toGroups = (part: string): string[] => {
    if (part === "") return [];
    return part.split(":").flatMap((group) => {
      if (!group.includes(".")) return [group];
      const [a = 0, b = 0, c = 0, d = 0] = group.split(".").map(Number);
      return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
    });
  };
  const [head = "", tail] = address.split("::");
  const left = toGroups(head);
  const right = tail === undefined ? [] : toGroups(tail);
  const zeros = Array.from({ length: 8 - left.length - right.length }, () => "0");
  return [...left, ...zeros, ...right].map((group) => Number.parseInt(group, 16).toString(16));
}
