import { once } from "node:events";
import { createServer } from "node:http";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, securityHeaders, securityMiddleware } from "./security-headers";

describe("Content-Security-Policy", () => {
  it("allows scripts only from the site and with the request's nonce, and no inline style", () => {
    const policy = contentSecurityPolicy("abc123==");
    expect(policy).toBe(
      "default-src 'self'; script-src 'self' 'nonce-abc123=='; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    );
    expect(policy).not.toContain("unsafe");
  });

  it("is relaxed in development only: inline styles (Vite's CSS) and the hot-reload WebSocket", () => {
    const dev = contentSecurityPolicy("n", true);
    expect(dev).toContain("style-src 'self' 'unsafe-inline'");
    expect(dev).toContain("connect-src 'self' ws: wss:");
    expect(dev).toContain("script-src 'self' 'nonce-n'");
    expect(dev).not.toContain("unsafe-eval");
  });

  it("nonces are 128 random bits, different every time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });

  it("comes with the frame, content-type, referrer, permissions and opener headers", () => {
    const headers = securityHeaders("n");
    expect(headers).toMatchObject({
      "X-Frame-Options": "DENY",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Cross-Origin-Opener-Policy": "same-origin",
    });
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) {
      expect(headers["Permissions-Policy"]).toContain(`${feature}=()`);
    }
  });
});

describe("the security middleware", () => {
  // A bare HTTP server with the middleware in front, as server.ts puts it in front of Remix.
  async function serve(handler: (path: string, res: import("node:http").ServerResponse) => void) {
    const middleware = securityMiddleware({ development: false });
    const server = createServer((req, res) => middleware(req, res, () => handler(req.url ?? "/", res)));
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const address = server.address();
    if (!address || typeof address === "string") throw new Error("no port");
    return { base: `http://127.0.0.1:${address.port}`, close: () => server.close() };
  }

  it("sets a fresh nonce per request in the policy and res.locals, and no-store unless a response caches", async () => {
    const nonces: unknown[] = [];
    const { base, close } = await serve((path, res) => {
      nonces.push((res as { locals?: { cspNonce?: string } }).locals?.cspNonce);
      if (path === "/asset") res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
      if (path === "/explicit") {
        res.writeHead(200, { "Cache-Control": "private, max-age=5" });
        res.end();
        return;
      }
      res.end("x");
    });
    try {
      const first = await fetch(`${base}/page`);
      const second = await fetch(`${base}/page`);
      expect(first.headers.get("cache-control")).toBe("no-store");
      const policies = [first, second].map((r) => r.headers.get("content-security-policy") ?? "");
      expect(policies[0]).toContain(`'nonce-${nonces[0]}'`);
      expect(policies[1]).toContain(`'nonce-${nonces[1]}'`);
      expect(nonces[0]).not.toBe(nonces[1]);
      expect((await fetch(`${base}/asset`)).headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect((await fetch(`${base}/explicit`)).headers.get("cache-control")).toBe("private, max-age=5");
      expect(first.headers.get("x-frame-options")).toBe("DENY");
    } finally {
      close();
    }
  });
});
