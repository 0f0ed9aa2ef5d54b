// What the server knows about a request's origin. Behind a reverse proxy the client's address and scheme
// come from X-Forwarded-* headers, which are believed only when the `http.trustProxy` setting says so.
import type { AppLoadContext } from "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The TCP peer's address, from the HTTP server. */
    remoteAddress?: string;
    /** This request's Content-Security-Policy nonce, from the HTTP server (see security-headers.ts). */
    cspNonce?: string;
  }
}

export function clientAddress(request: Request, context: AppLoadContext | undefined, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  return context?.remoteAddress ?? "tidak diketahui";
}

export function isHttps(request: Request, trustProxy: boolean): boolean {
  if (new URL(request.url).protocol === "https:") return true;
  return trustProxy && request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}
