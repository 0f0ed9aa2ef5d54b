// What the server knows about a request's origin. Behind a reverse proxy the client's address and scheme
// come from X-Forwarded-* headers, which are believed only when the `http.trustProxy` setting says so.
import { isIP } from "node:net";
import type { AppLoadContext } from "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The TCP peer's address, from the HTTP server. */
    remoteAddress?: string;
    /** This request's Content-Security-Policy nonce, from the HTTP server (see security-headers.ts). */
    cspNonce?: string;
  }
}

/**
 * The client's address. Behind a trusted reverse proxy (the TCP peer), the address that proxy appended to
 * X-Forwarded-For: the right-most entry that is not the proxy itself. Entries to the left of it were sent by
 * the client and prove nothing (a client that sends `X-Forwarded-For: 10.9.9.9` would otherwise be believed,
 * and could pass the sign-in throttling as any address it likes). With several proxies in a chain, the one
 * nearest Mutu must hand on the client's address (nginx: `proxy_set_header X-Forwarded-For $remote_addr`).
 */
export function clientAddress(request: Request, context: AppLoadContext | undefined, trustProxy: boolean): string {
  const peer = context?.remoteAddress ? normalizeAddress(context.remoteAddress) : undefined;
  if (trustProxy) {
    const hops = (request.headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((entry) => normalizeAddress(entry.trim()))
      .filter((entry) => entry !== "");
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = hops[i] as string;
      if (hop === peer) continue; // the proxy itself
      // A proxy appends an address; anything else in the right-most place means a misconfigured proxy.
      if (isIP(hop)) return hop;
      break;
    }
  }
  return peer ?? "tidak diketahui";
}

/** `::ffff:10.0.0.1` → `10.0.0.1`; a port after an IPv4 address or a bracketed IPv6 address is dropped. */
export function normalizeAddress(address: string): string {
  let a = address.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed?.[1]) a = bracketed[1];
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(a);
  if (v4WithPort?.[1]) a = v4WithPort[1];
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(a);
  return (mapped?.[1] ?? a).toLowerCase();
}

/** Over HTTPS, directly or (behind a trusted proxy) as the proxy says in the right-most X-Forwarded-Proto. */
export function isHttps(request: Request, trustProxy: boolean): boolean {
  if (new URL(request.url).protocol === "https:") return true;
  return trustProxy && request.headers.get("x-forwarded-proto")?.split(",").at(-1)?.trim().toLowerCase() === "https";
}
