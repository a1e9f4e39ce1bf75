import { describe, expect, it } from "vitest";
import { clientAddressKey } from "./client-address";

describe("clientAddressKey", () => {
  it("keeps IPv4 addresses and unwraps IPv4-mapped IPv6 ones", () => {
    expect(clientAddressKey("10.1.2.3")).toBe("10.1.2.3");
    expect(clientAddressKey("::ffff:10.1.2.3")).toBe("10.1.2.3");
  });

  it("counts an IPv6 address as its /64 network, whatever its spelling", () => {
    const key = "2001:db8:0:1::/64";
    expect(clientAddressKey("2001:db8:0:1::5")).toBe(key);
    expect(clientAddressKey("2001:0DB8:0000:0001:ffff:1:2:3")).toBe(key);
    expect(clientAddressKey("2001:db8:0:1:a::%eth0")).toBe(key);
    expect(clientAddressKey("2001:db8:0:2::5")).not.toBe(key);
    expect(clientAddressKey("::1")).toBe("0:0:0:0::/64");
    expect(clientAddressKey("64:ff9b::192.0.2.1")).toBe("64:ff9b:0:0::/64");
  });

  it("keeps anything else as given, and an empty address as unknown", () => {
    expect(clientAddressKey("")).toBe("unknown");
    expect(clientAddressKey("unknown")).toBe("unknown");
  });
});
