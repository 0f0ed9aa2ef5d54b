// The security headers of every response, set by the HTTP server (server.ts) before Remix answers, and the
// per-request nonce that lets the page's own inline scripts (Remix's hydration data and scroll restoration)
// run under the Content-Security-Policy while any other inline script is refused.
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/** 128 random bits, base64: a new one for every request, never reused. */
export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * The Content-Security-Policy of a page. No 'unsafe-inline' for scripts or styles: scripts run from our own
 * files or carry the request's nonce, styles come from our own stylesheet (the heatmap colours are classes,
 * and the charts set styles through the DOM, which CSP does not restrict). In development (the Vite dev
 * server) styles may be inline, because Vite injects CSS as <style> elements, and the page may open
 * Vite's hot-reload WebSocket.
 */
export function contentSecurityPolicy(nonce: string, development = false): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    development ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    development ? "connect-src 'self' ws: wss:" : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

/** The headers every response carries, whatever it is (page, data, file, asset, error). */
export function securityHeaders(nonce: string, development = false): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(nonce, development),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy":
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), browsing-topics=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
  };
}

type Next = (error?: unknown) => void;
type WithNonce = ServerResponse & { locals?: Record<string, unknown> };

/**
 * Express middleware: a nonce in `res.locals.cspNonce` (handed to Remix through the load context), the
 * security headers, and `Cache-Control: no-store` on every response that has not set its own caching by
 * the time it is sent. Pages, `.data` responses and downloads carry personal data; only the static files
 * (which set their own long caching) may be kept.
 */
export function securityMiddleware(options: { development: boolean }) {
  return (_req: IncomingMessage, res: WithNonce, next: Next) => {
    const nonce = newNonce();
    res.locals = { ...res.locals, cspNonce: nonce };
    for (const [name, value] of Object.entries(securityHeaders(nonce, options.development))) {
      res.setHeader(name, value);
    }
    const writeHead = res.writeHead;
    res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
      if (!this.hasHeader("Cache-Control")) this.setHeader("Cache-Control", "no-store");
      return writeHead.apply(this, args);
    } as ServerResponse["writeHead"];
    next();
  };
}
