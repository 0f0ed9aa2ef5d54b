// The HTTP server: Express in front of the Remix request handler. Built to build/node/server.js by `npm run
// build` (scripts/build.mjs, decision 028), which serves the production build under plain Node (`npm run serve`;
// `npm start` builds first when the sources changed); `tsx server.ts --dev` (`npm run dev`) serves through Vite.
// The start checks the configuration, then takes the port, then opens and migrates the database, each
// failure one line saying what to fix (app/.server/startup.ts); until the app is ready it answers 503.
// With WEB_CONCURRENCY=N on PostgreSQL this process does all that, then forks N workers that share the port
// (app/.server/cluster.ts, decision 030) and runs the mail worker itself; each worker serves the app.
import cluster from "node:cluster";
import { once } from "node:events";
import { existsSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { demoLoginsText, prepareDatabase } from "./app/.server/bootstrap";
import { preparedToListen, startWorkers } from "./app/.server/cluster";
import { mutuRequestHandler } from "./app/.server/http-edge";
import { logError, logRequest } from "./app/.server/log";
import { type MailWorker, startMailWorker } from "./app/.server/mail/service";
import { securityMiddleware } from "./app/.server/security-headers";
import { loadSecret } from "./app/.server/session";
import { getSettings } from "./app/.server/settings";
import { connectDatabase, listenError, readConfig, type ServerConfig, StartupError } from "./app/.server/startup";
import { closeDatabase, type DatabaseHandle, DatabaseLockedError, getDatabase } from "./db/client";

const dev = process.argv.includes("--dev");
process.env.NODE_ENV ??= dev ? "development" : "production";

const BUILD = path.resolve("build/server/index.js");

async function main() {
  const config = readConfig();
  if (cluster.isWorker) return serveAsWorker(config);
  const processes = processCount(config);

  const { app, open } = frontApp();
  // The port is taken before anything is written (a migration, a data folder): a port in use stops the start
  // with nothing changed. Until the database is ready every request, /healthz included, is answered 503.
  const server = await listen(app, config);
  const handle = await connectDatabase(getDatabase, config.databaseUrl);
  if (!dev && !existsSync(BUILD)) {
    throw new StartupError("Hasil build tidak ditemukan (build/server/index.js): jalankan `npm run build` dahulu.");
  }
  const { demo, seededNow } = await prepareDatabase(handle);
  loadSecret(); // generated now (when SESSION_SECRET is not set) rather than at the first sign-in, before any fork

  let stopServing: () => Promise<unknown>;
  let mailWorker: MailWorker | undefined;
  // The mail worker finishes the send under way before the database closes.
  const stopAll = () => Promise.all([stopServing(), mailWorker?.stop()]).then(() => closeDatabase());
  if (processes > 1) {
    // The workers serve; this process gives them the port once they are ready, and keeps the mail worker.
    const workers = startWorkers(processes, async () => {
      server.close();
      server.closeAllConnections();
      await once(server, "close");
    });
    stopServing = () => workers.stop();
    onStopSignal(stopAll);
    await workers.listening;
    if (!config.mail) await closeDatabase(); // this process needs the database only for the mail
  } else {
    const vite = await serveApp(app, handle);
    open();
    stopServing = async () => {
      server.close();
      server.closeIdleConnections();
      // Give open requests a moment, then close the database cleanly (PGlite flushes to disk here).
      setTimeout(() => server.closeAllConnections(), 3000).unref();
      await vite?.close();
    };
    onStopSignal(stopAll);
  }

  const where = handle.kind === "pglite" ? `basis data tertanam di ${handle.location}` : handle.location;
  const shown = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  const mode = [dev ? "mode pengembangan" : "", processes > 1 ? `${processes} proses` : ""].filter(Boolean);
  console.log(`\nMutu berjalan di http://${shown}:${config.port} (${[where, ...mode].join(", ")})`);
  if (seededNow) console.log("Data demo telah dimuat ke basis data baru.");
  if (demo) console.log(`${demoLoginsText()}\n`);

  // Mail (optional): the worker sends the outbox beside the server, never inside a request; one per server.
  mailWorker = config.mail
    ? startMailWorker(handle.db, config.mail, { fallbackBaseUrl: `http://${shown}:${config.port}` })
    : undefined;
  if (config.mail) {
    const smtp = new URL(config.mail.smtpUrl);
    console.log(`Surel dikirim melalui ${smtp.hostname}:${smtp.port || (smtp.protocol === "smtps:" ? 465 : 587)}.`);
    if (!(await getSettings(handle.db))["certificate.verifyBaseUrl"]) {
      console.log(
        `Alamat publik Mutu belum diisi di Pengaturan: tautan dalam surel memakai http://${shown}:${config.port}.`,
      );
    }
  }
}

/** WEB_CONCURRENCY, or 1 with the reason in one line when this database or mode allows only one process. */
function processCount(config: ServerConfig): number {
  if (config.processes === 1) return 1;
  const reason = dev
    ? "mode pengembangan (Vite) berjalan dalam satu proses"
    : config.databaseUrl
      ? null
      : "basis data tertanam (PGlite, tanpa DATABASE_URL) hanya dapat dibuka satu proses; setel DATABASE_URL ke PostgreSQL untuk beberapa proses";
  if (!reason) return config.processes;
  console.log(`WEB_CONCURRENCY=${config.processes} diabaikan: ${reason}. Mutu berjalan dalam satu proses.`);
  return 1;
}

/** A worker (WEB_CONCURRENCY > 1): the primary has migrated the database and made the secret; open, load, listen. */
async function serveAsWorker(config: ServerConfig) {
  // Ctrl-C reaches every process of the terminal: the primary decides, and stops the workers with SIGTERM.
  process.on("SIGINT", () => {});
  // The primary gone (killed, or stopped while this worker was starting): nothing would stop this worker any more.
  let stop = () => closeDatabase();
  process.on("disconnect", () => stop().finally(() => process.exit(0)));
  const { app, open } = frontApp();
  const handle = await connectDatabase(getDatabase, config.databaseUrl);
  loadSecret();
  await serveApp(app, handle);
  open();
  await preparedToListen();
  const server = await listen(app, config);
  stop = () => {
    server.close();
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 3000).unref();
    return closeDatabase();
  };
  onStopSignal(() => stop(), ["SIGTERM"]);
}

/** Security headers, the 503 until `open()`, and the access log: what answers before the app is ready. */
function frontApp() {
  const app = express();
  app.disable("x-powered-by");
  // Security headers and a CSP nonce on every response; `Cache-Control: no-store` unless a response sets
  // its own caching (only the static files below do).
  app.use(securityMiddleware({ development: process.env.NODE_ENV === "development" }));
  let ready = false;
  app.use((_req, res, next) => {
    if (ready) return next();
    res.status(503).set({ "Retry-After": "5", "Content-Type": "text/plain; charset=utf-8" });
    res.send("Mutu sedang dimulai. Coba lagi sebentar lagi.");
  });
  // Refused bodies (413), refused writes (429) and server errors always, every request with MUTU_ACCESS_LOG=1: method, path and
  // status, never the query string or the form (log.ts).
  const accessLog = process.env.MUTU_ACCESS_LOG === "1";
  app.use((req, res, next) => {
    const started = performance.now();
    res.on("finish", () => {
      if (accessLog || res.statusCode === 413 || res.statusCode === 429 || res.statusCode >= 500) {
        logRequest(req.method, req.originalUrl, res.statusCode, performance.now() - started);
      }
    });
    next();
  });
  return {
    app,
    open: () => {
      ready = true;
    },
  };
}

/** The static files and the Remix handler (through Vite in development); returns Vite's server to close. */
async function serveApp(app: express.Express, handle: DatabaseHandle) {
  const vite = dev ? await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } })) : undefined;
  if (vite) {
    app.use(vite.middlewares);
  } else {
    const client = path.resolve("build/client");
    app.use("/assets", express.static(path.join(client, "assets"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(client, { maxAge: "1h" }));
  }
  const build = vite
    ? () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>
    : ((await import(BUILD)) as ServerBuild);
  app.all(
    "*",
    mutuRequestHandler({
      build,
      mode: process.env.NODE_ENV,
      importMegabytes: async () => (await getSettings(handle.db))["import.maxMegabytes"],
      context: (req, res) => ({
        remoteAddress: req.socket.remoteAddress,
        cspNonce:
          typeof (res as express.Response).locals?.cspNonce === "string"
            ? (res as express.Response).locals.cspNonce
            : undefined,
      }),
    }),
  );
  return vite;
}

/** On SIGINT or SIGTERM (once): says so, runs `stop`, exits 0 (1 when stopping failed, logged). */
function onStopSignal(stop: () => Promise<unknown>, signals: NodeJS.Signals[] = ["SIGINT", "SIGTERM"]) {
  let stopping = false;
  for (const signal of signals) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      if (cluster.isPrimary) console.log(`\n${signal}: menghentikan Mutu…`);
      stop()
        .then(() => process.exit(0))
        .catch((error) => {
          logError("shutdown", error);
          process.exit(1);
        });
    });
  }
}

async function listen(app: express.Express, config: ServerConfig): Promise<Server> {
  const server = app.listen(config.port, config.host);
  try {
    await once(server, "listening");
    return server;
  } catch (error) {
    throw listenError(error, config);
  }
}

main().catch(async (error) => {
  // A start refused for a reason the operator can fix is one line; anything else is a bug, logged in full.
  if (error instanceof StartupError || error instanceof DatabaseLockedError) {
    console.error(`Mutu tidak dapat dimulai: ${error.message}`);
  } else logError("startup", error);
  await closeDatabase().catch(() => {});
  process.exit(1);
});
