// The HTTP server as its own process, for the tests of what only a real process shows: starting, stopping,
// several processes on one database. The built server (build/node/server.js, made from the sources by
// ensureAppBuilt) starts in about half the time of `node --import tsx server.ts`, which compiles on the way.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { promisify } from "node:util";

/** A port nobody listens on now. */
export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  const address = probe.address();
  probe.close();
  await once(probe, "close");
  if (address === null || typeof address === "string") throw new Error("no free port");
  return address.port;
}

/** The environment of a server under test: this one's without the variables the server reads, then `env`. */
export function serverEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const key of [
    "DATABASE_URL",
    "SESSION_SECRET",
    "MUTU_DATA_DIR",
    "PORT",
    "HOST",
    "SMTP_URL",
    "MAIL_FROM",
    "WEB_CONCURRENCY",
    "MUTU_WRITE_RATE_LIMIT",
  ]) {
    delete base[key];
  }
  return { ...base, NODE_ENV: "production", HOST: "127.0.0.1", ...env };
}

/** The production build (build/server), made when the sources changed since the last one (decision 028). */
export async function ensureAppBuilt(): Promise<void> {
  await promisify(execFile)(process.execPath, ["scripts/build.mjs", "--if-changed"]);
}

export type ServerProcess = { base: string; child: ChildProcess; output(): string; stop(): Promise<void> };

/** Starts the built server on a free port with `env` and waits until its /healthz answers 200. */
export async function startServerProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<ServerProcess> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["build/node/server.js"], {
    env: serverEnv({ PORT: String(port), ...env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  for (const stream of [child.stdout, child.stderr]) {
    stream.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
  }
  const exited = once(child, "exit");
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    await exited;
  };
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${output}`);
    const healthy = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return { base, child, output: () => output, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`server did not answer /healthz within ${timeoutMs / 1000} s: ${output}`);
}
