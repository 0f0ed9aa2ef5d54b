import { describe, expect, it } from "vitest";
import { clientAddress, isHttps, normalizeAddress } from "./request";

const request = (headers: Record<string, string> = {}, url = "http://mutu.test/masuk") => new Request(url, { headers });
const PROXY = { remoteAddress: "10.0.0.2" };

describe("the client's address", () => {
  it("without a trusted proxy is the TCP peer, whatever X-Forwarded-For says", () => {
    expect(clientAddress(request({ "x-forwarded-for": "203.0.113.9" }), PROXY, false)).toBe("10.0.0.2");
  });

  it("behind one trusted proxy is the entry the proxy appended (the last), not one the client sent before it", () => {
    // The client sent "X-Forwarded-For: 198.51.100.1"; nginx appended the address it saw, 203.0.113.9.
    const forged = request({ "x-forwarded-for": "198.51.100.1, 203.0.113.9" });
    expect(clientAddress(forged, PROXY, true)).toBe("203.0.113.9");
    expect(clientAddress(request({ "x-forwarded-for": "203.0.113.9" }), PROXY, true)).toBe("203.0.113.9");
  });

  it("reads several X-Forwarded-For headers as one list, right-most last", () => {
    const headers = new Headers();
    headers.append("x-forwarded-for", "198.51.100.1");
    headers.append("x-forwarded-for", "203.0.113.9");
    expect(clientAddress(new Request("http://mutu.test/", { headers }), PROXY, true)).toBe("203.0.113.9");
  });

  it("skips the proxy's own address, and falls back to the peer when the right-most entry is not an address", () => {
    expect(clientAddress(request({ "x-forwarded-for": "203.0.113.9, 10.0.0.2" }), PROXY, true)).toBe("203.0.113.9");
    expect(clientAddress(request({ "x-forwarded-for": "203.0.113.9, unknown" }), PROXY, true)).toBe("10.0.0.2");
    expect(clientAddress(request({ "x-forwarded-for": "" }), PROXY, true)).toBe("10.0.0.2");
    expect(clientAddress(request(), PROXY, true)).toBe("10.0.0.2");
  });

  it("is written one way: IPv4-mapped IPv6 and ports are dropped", () => {
    expect(normalizeAddress("::ffff:192.0.2.7")).toBe("192.0.2.7");
    expect(normalizeAddress("192.0.2.7:51234")).toBe("192.0.2.7");
    expect(normalizeAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(clientAddress(request(), { remoteAddress: "::ffff:127.0.0.1" }, false)).toBe("127.0.0.1");
  });
});

describe("HTTPS behind a proxy", () => {
  it("believes X-Forwarded-Proto only from a trusted proxy, and only its right-most entry", () => {
    expect(isHttps(request({ "x-forwarded-proto": "https" }), false)).toBe(false);
    expect(isHttps(request({ "x-forwarded-proto": "https" }), true)).toBe(true);
    expect(isHttps(request({ "x-forwarded-proto": "https, http" }), true)).toBe(false);
    expect(isHttps(request({}, "https://mutu.test/"), false)).toBe(true);
  });
});
