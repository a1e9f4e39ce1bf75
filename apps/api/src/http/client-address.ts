import type { IncomingMessage } from "node:http";
import { BlockList, isIP } from "node:net";

/** `1.2.3.4`, `::ffff:1.2.3.4` and `fe80::1%eth0` as BlockList and throttling see them. */
function plainAddress(address: string): string {
  const trimmed = address.trim().replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped?.[1] ?? trimmed;
}

const lists = new WeakMap<readonly string[], BlockList>();

/** TRUSTED_PROXIES (addresses or CIDRs, validated by env.ts) as a BlockList, built once per list. */
function trustedList(cidrs: readonly string[]): BlockList {
  let list = lists.get(cidrs);
  if (!list) {
    list = new BlockList();
    for (const entry of cidrs) {
      const [address = "", prefix] = entry.split("/");
      const plain = plainAddress(address);
      const family = isIP(plain) === 6 ? "ipv6" : "ipv4";
      if (prefix === undefined) list.addAddress(plain, family);
      else list.addSubnet(plain, Number(prefix), family);
    }
    lists.set(cidrs, list);
  }
  return list;
}

function isTrusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address for login throttling: the socket's, unless the socket is a trusted
 * proxy, in which case the X-Forwarded-For hops are walked from the right (the proxies' own
 * appends) past every trusted proxy, and the first other hop is the client. Anything left of it
 * was written by the client and is not believed. With TRUSTED_PROXIES empty (the default) the
 * header is ignored: anyone may send it.
 */
export function clientAddressOf(req: IncomingMessage, trustedProxies: readonly string[]): string {
  const socket = plainAddress(req.socket.remoteAddress ?? "");
  if (trustedProxies.length === 0 || socket === "") return socket || "unknown";
  const list = trustedList(trustedProxies);
  const header = req.headers["x-forwarded-for"];
  const hops = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((hop) => plainAddress(hop))
    .filter((hop) => hop !== "");
  let client = socket;
  while (isTrusted(list, client) && hops.length > 0) {
    const next = hops.pop() as string;
    // A hop that is no address means the chain cannot be read further; keep the last proxy.
    if (isIP(next) === 0) break;
    client = next;
  }
  return client;
}
