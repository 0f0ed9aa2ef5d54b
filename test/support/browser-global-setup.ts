// Serves the production build for the browser tests: one server per test worker (BROWSER_WORKERS), each on a
// free port and its own throwaway database: a fresh PGlite directory (the server loads the demo data on first
// start) or, when DATABASE_URL is set, a new PostgreSQL database seeded through the CLI. Files in one worker run
// one after the other against its server, so each still finds the demo data as the files before it left it;
// files in the other worker never see their changes. Tests find their server with testServer() (browser.ts).
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The test servers, one per worker: where each listens ("http://127.0.0.1:41234") and its process id. */
    servers: { baseUrl: string; pid: number }[];
  }
}

// Covers the demo seed on first start plus a slow, busy machine.
const READY_TIMEOUT_MS = 120_000;
// The server waits up to 3 s for open requests before closing the database; this leaves room for PGlite's flush.
const STOP_TIMEOUT_MS = 15_000;

// The built server and command line under plain Node, as production runs them (decision 028), and `node` itself
// rather than `npm run serve`: npm puts itself and sh in front of the server, and a SIGTERM sent to npm ends it at
// once while the server keeps running on an already deleted directory. With one process the server receives the
// signal itself and the exit we wait for is the server's own.
const SERVER = "build/node/server.js";
const CLI = "build/node/mutu.js";

type Cleanup = () => Promise<void> | void;

/** Collects a child's stdout and stderr, to show only when something fails. */
function capture(child: ChildProcess): () => string {
  const chunks: Buffer[] = [];
  child.stdout?.on("data", (chunk: Buffer) => chunks.push(chunk));
  child.stderr?.on("data", (chunk: Buffer) => chunks.push(chunk));
  return () => Buffer.concat(chunks).toString("utf8");
}

async function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  const output = capture(child);
  // "close", not "exit": it fires after the output streams have ended, so the message below is complete.
  const [code] = (await once(child, "close")) as [number | null];
  if (code !== 0) throw new Error(`\`${command} ${args.join(" ")}\` exited with ${code}:\n${output()}`);
}

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  const address = probe.address();
  probe.close();
  if (address === null || typeof address === "string") throw new Error("could not find a free TCP port");
  return address.port;
}

/** As many as the browser project's workers (vitest.config.ts). */
export const BROWSER_WORKERS = 2;

async function createDatabase(url: string): Promise<{ url: string; drop: Cleanup }> {
  const name = `mutu_browser_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`).catch(async (error: unknown) => {
    await admin.end(); // an open connection would keep the test run from exiting
    throw error;
  });
  const fresh = new URL(url);
  fresh.pathname = `/${name}`;
  return {
    url: fresh.toString(),
    drop: async () => {
      // "with (force)": a server killed after the timeout may leave connections behind.
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

async function waitUntilHealthy(baseUrl: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(
        `the test server exited (${server.exitCode ?? server.signalCode}) before it was ready:\n${output()}`,
      );
    }
    const status = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.status,
      () => 0, // not listening yet
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the test server did not answer /healthz with 200 within ${READY_TIMEOUT_MS / 1000} s:\n${output()}`);
}

/** Ends the server with SIGTERM so it closes its database cleanly; SIGKILL only if it hangs. */
async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const closed = once(server, "close");
  server.kill("SIGTERM");
  const timer = setTimeout(() => server.kill("SIGKILL"), STOP_TIMEOUT_MS);
  await closed;
  clearTimeout(timer);
}

type Started = { baseUrl: string; server: ChildProcess; output: () => string };

/** Starts the server; pushes onto `cleanups` whatever must be undone, so a failure halfway leaves nothing behind. */
async function start(cleanups: Cleanup[]): Promise<Started> {
  // Also needed with PostgreSQL: the server keeps its generated session secret there.
  const dataDir = mkdtempSync(path.join(tmpdir(), "mutu-browser-"));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // Vitest sets NODE_ENV=test, which the server would keep; the tests are about the production build.
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    MUTU_DATA_DIR: dataDir,
  };
  if (process.env.DATABASE_URL) {
    const database = await createDatabase(process.env.DATABASE_URL);
    cleanups.push(database.drop);
    env.DATABASE_URL = database.url;
    await run(process.execPath, [CLI, "db", "seed", "--demo"], env);
  }
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [SERVER], { env, stdio: ["ignore", "pipe", "pipe"] });
  const output = capture(server);
  cleanups.push(() => stop(server));
  await waitUntilHealthy(baseUrl, server, output);
  return { baseUrl, server, output };
}

export default async function setup(project: TestProject) {
  // Built when the sources changed since the last build (as `npm start` does); MUTU_SKIP_BUILD=1 when the caller
  // has just built (.ci/run, after `npm start`).
  if (process.env.MUTU_SKIP_BUILD !== "1") await run(process.execPath, ["scripts/build.mjs", "--if-changed"]);

  // Undone in reverse order: server, database, directory. One list per server: they start side by side.
  const cleanups: Cleanup[][] = [];
  const cleanUp = async () => {
    for (const list of cleanups) for (const cleanup of list.reverse()) await cleanup();
  };
  const started = await Promise.all(
    Array.from({ length: BROWSER_WORKERS }, () => {
      const list: Cleanup[] = [];
      cleanups.push(list);
      return start(list);
    }),
  ).catch(async (error: unknown) => {
    await cleanUp();
    throw error;
  });
  project.provide(
    "servers",
    started.map(({ baseUrl, server }) => ({ baseUrl, pid: server.pid ?? 0 })),
  );

  return async () => {
    await cleanUp();
    // The state API is experimental, but it is the only way a global setup learns whether tests failed.
    const testsFailed = project.vitest.state.getCountOfFailedTests() > 0;
    for (const [i, { server, output }] of started.entries()) {
      if (testsFailed || server.exitCode !== 0) {
        console.error(
          `\n--- test server ${i + 1} output (exit ${server.exitCode ?? server.signalCode}) ---\n${output()}`,
        );
      }
    }
  };
}
