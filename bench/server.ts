// What the HTTP benchmarks share: a throw-away PostgreSQL database, bench users, the production server
// (build/node/server.js under plain Node, built first when the sources changed) started on that database,
// and signed-in sessions.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import type { Role } from "../analytics/roles";
import { hashPassword } from "../app/.server/passwords";
import { connectPostgres, type DatabaseHandle, openDatabase } from "../db/client";
import { users } from "../db/schema";
import { BUILT_SERVER, ensureBuilt } from "./built";

export const BENCH_PASSWORD = "bench-password-2026";
const SESSION_SECRET = "bench-secret-0123456789-0123456789-abcdef";

export type ThrowawayDatabase = { url: string; drop(): Promise<void> };

/** A new, migrated PostgreSQL database (on DATABASE_URL's server, or 127.0.0.1:5432), filled by `fill`. */
export async function createThrowawayDatabase(
  fill: (handle: DatabaseHandle) => Promise<unknown> = async () => {},
): Promise<ThrowawayDatabase> {
  const base = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `mutu_bench_${Date.now().toString(36)}_${Math.round(Math.random() * 1e6)}`;
  const url = Object.assign(new URL(base), { pathname: `/${name}` }).toString();
  const admin = connectPostgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const drop = async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  };
  try {
    const handle = await openDatabase({ url });
    try {
      await handle.migrate();
      await fill(handle);
    } finally {
      await handle.close();
    }
  } catch (error) {
    await drop();
    throw error;
  }
  return { url, drop };
}

/** Adds `count` enabled users `<prefix>0 …` with `roles`, no staff record and BENCH_PASSWORD; their usernames. */
export async function addBenchUsers(url: string, prefix: string, count: number, roles: Role[]): Promise<string[]> {
  const handle = await openDatabase({ url });
  try {
    const hash = await hashPassword(BENCH_PASSWORD);
    const names = Array.from({ length: count }, (_, i) => `${prefix}${i}`);
    await handle.db
      .insert(users)
      .values(
        names.map((username, i) => ({ username, displayName: `Bench ${prefix} ${i}`, passwordHash: hash, roles })),
      );
    return names;
  } finally {
    await handle.close();
  }
}

async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, "127.0.0.1");
  await once(probe, "listening");
  const address = probe.address();
  probe.close();
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

export type RunningServer = { base: string; process: ChildProcess; stop(): Promise<void> };

/**
 * Starts `node build/node/server.js` (NODE_ENV=production) on `url` and waits until /healthz answers.
 * `env` adds to or overrides the server's environment. Its errors go to this process's stderr.
 */
export async function startServer(url: string, env: Record<string, string> = {}): Promise<RunningServer> {
  ensureBuilt();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // BENCH_CPU_PROF=DIR: the server writes a CPU profile (.cpuprofile, for Chrome DevTools) into DIR on exit.
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, BUILT_SERVER], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      HOST: "127.0.0.1",
      NODE_ENV: "production",
      SESSION_SECRET,
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = once(child, "exit");
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGINT");
    await exited;
  };
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before answering /healthz`);
    const healthy = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return { base, process: child, stop };
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error("server did not answer /healthz within 60 s");
}

/** Signs each user in through /masuk, as a browser posting the form would; their session cookies. */
export async function signIn(base: string, usernames: readonly string[]): Promise<string[]> {
  const cookies: string[] = [];
  for (const username of usernames) {
    const r = await fetch(`${base}/masuk`, {
      method: "POST",
      headers: { Origin: base },
      body: new URLSearchParams({ username, password: BENCH_PASSWORD }),
      redirect: "manual",
    });
    await r.arrayBuffer();
    const cookie = r.headers.get("set-cookie")?.split(";")[0];
    if (r.status !== 302 || !cookie) throw new Error(`sign-in of ${username} failed: ${r.status}`);
    cookies.push(cookie);
  }
  return cookies;
}

/** The `q` quantile (0–1) of ascending `sorted` by nearest rank; NaN when empty. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}
