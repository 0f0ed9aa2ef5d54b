// The HTTP server: Express in front of the Remix request handler. `tsx server.ts` serves the production
// build (run `npm run build` first; `npm start` does both); `tsx server.ts --dev` serves through Vite.
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { demoLoginsText, prepareDatabase } from "./app/.server/bootstrap";
import { logError, logRequest } from "./app/.server/log";
import { securityMiddleware } from "./app/.server/security-headers";
import { closeDatabase, DatabaseLockedError, getDatabase } from "./db/client";

const dev = process.argv.includes("--dev");
process.env.NODE_ENV ??= dev ? "development" : "production";
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";

async function main() {
  const handle = await getDatabase();
  const { demo, seededNow } = await prepareDatabase(handle);

  const vite = dev ? await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } })) : undefined;

  const app = express();
  app.disable("x-powered-by");
  // Security headers and a CSP nonce on every response; `Cache-Control: no-store` unless a response sets
  // its own caching (only the static files below do).
  app.use(securityMiddleware({ development: process.env.NODE_ENV === "development" }));
  // Refused writes (429) and server errors always, every request with MUTU_ACCESS_LOG=1: method, path and
  // status, never the query string or the form (log.ts).
  const accessLog = process.env.MUTU_ACCESS_LOG === "1";
  app.use((req, res, next) => {
    const started = performance.now();
    res.on("finish", () => {
      if (accessLog || res.statusCode === 429 || res.statusCode >= 500) {
        logRequest(req.method, req.originalUrl, res.statusCode, performance.now() - started);
      }
    });
    next();
  });
  if (vite) {
    app.use(vite.middlewares);
  } else {
    const client = path.resolve("build/client");
    app.use("/assets", express.static(path.join(client, "assets"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(client, { maxAge: "1h" }));
  }
  const build = vite
    ? () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>
    : ((await import(path.resolve("build/server/index.js"))) as ServerBuild);
  app.all(
    "*",
    createRequestHandler({
      build,
      getLoadContext: (req, res) => ({
        remoteAddress: req.socket.remoteAddress,
        cspNonce: typeof res.locals.cspNonce === "string" ? res.locals.cspNonce : undefined,
      }),
    }),
  );

  const server = app.listen(port, host, () => {
    const where = handle.kind === "pglite" ? `basis data tertanam di ${handle.location}` : handle.location;
    const shown = host === "0.0.0.0" || host === "::" ? "localhost" : host;
    console.log(`\nMutu berjalan di http://${shown}:${port} (${where}${dev ? ", mode pengembangan" : ""})`);
    if (seededNow) console.log("Data demo telah dimuat ke basis data baru.");
    if (demo) console.log(`${demoLoginsText()}\n`);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: menghentikan Mutu…`);
    server.close();
    server.closeIdleConnections();
    // Give open requests a moment, then close the database cleanly (PGlite flushes to disk here).
    setTimeout(() => server.closeAllConnections(), 3000).unref();
    Promise.all([vite?.close(), closeDatabase()])
      .then(() => process.exit(0))
      .catch((error) => {
        logError("shutdown", error);
        process.exit(1);
      });
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch(async (error) => {
  if (error instanceof DatabaseLockedError) console.error(`\n${error.message}\n`);
  else logError("startup", error);
  await closeDatabase().catch(() => {});
  process.exit(1);
});
