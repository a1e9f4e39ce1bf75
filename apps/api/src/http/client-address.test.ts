import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { loadEnv } from "../env";
import { clientAddressOf } from "./client-address";

const request = (remoteAddress: string, forwardedFor?: string | string[]) =>
  ({
    socket: { remoteAddress },
    headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor },
  }) as unknown as IncomingMessage;

describe("the client address of a login", () => {
  it("is the socket's while TRUSTED_PROXIES is empty, whatever X-Forwarded-For says", () => {
    expect(clientAddressOf(request("198.51.100.7", "203.0.113.1"), [])).toBe("198.51.100.7");
    expect(clientAddressOf(request("::ffff:198.51.100.7"), [])).toBe("198.51.100.7");
  });

  it("is the hop left of the trusted proxies, read from the right", () => {
    const trusted = ["10.0.0.0/8", "2001:db8:ffff::/48"];
    expect(clientAddressOf(request("10.0.0.5", "203.0.113.9"), trusted)).toBe("203.0.113.9");
    // The client may write anything left of its own address: it is not believed.
    expect(clientAddressOf(request("10.0.0.5", "1.1.1.1, 203.0.113.9, 10.1.2.3"), trusted)).toBe(
      "203.0.113.9",
    );
    expect(clientAddressOf(request("::ffff:10.0.0.5", ["1.1.1.1", "203.0.113.9"]), trusted)).toBe(
      "203.0.113.9",
    );
    expect(clientAddressOf(request("2001:db8:ffff::1", "2001:db8:1::7"), trusted)).toBe("2001:db8:1::7");
  });

  it("is the socket's when the socket is not a trusted proxy, and stops at a hop that is no address", () => {
    const trusted = ["10.0.0.0/8"];
    expect(clientAddressOf(request("198.51.100.7", "203.0.113.9"), trusted)).toBe("198.51.100.7");
    expect(clientAddressOf(request("10.0.0.5"), trusted)).toBe("10.0.0.5");
    expect(clientAddressOf(request("10.0.0.5", "not-an-ip, 10.0.0.6"), trusted)).toBe("10.0.0.6");
  });
});

describe("TRUSTED_PROXIES", () => {
  it("is empty by default and takes addresses and CIDRs of both families", () => {
    expect(loadEnv({}).TRUSTED_PROXIES).toEqual([]);
    expect(loadEnv({ TRUSTED_PROXIES: "10.0.0.0/8, 192.0.2.7,2001:db8::/32" }).TRUSTED_PROXIES).toEqual([
      "10.0.0.0/8",
      "192.0.2.7",
      "2001:db8::/32",
    ]);
  });

  it("refuses anything else at start, naming the variable", () => {
    for (const value of ["10.0.0.0/33", "proxy.internal", "10.0.0.0/8/1", "2001:db8::/129"]) {
      expect(() => loadEnv({ TRUSTED_PROXIES: value })).toThrow(/TRUSTED_PROXIES/);
    }
  });
});
