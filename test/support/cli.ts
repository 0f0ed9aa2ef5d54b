// `npm run mutu -- …` as a user runs it, in a child process. Asynchronous on purpose: a test worker blocked in
// spawnSync for the seconds a command takes cannot answer Vitest's messages, which then time out and the run
// stalls; and while one command runs, the other worker's tests go on. The command line built for this test run
// (builtEntry), unless `entry` names another.
import { spawn } from "node:child_process";
import path from "node:path";
import { inject } from "vitest";

/**
 * A file of the server and command line the database tests' global setup built from the sources for this run
 * (test/support/db-global-setup.ts): "mutu.js" or "server.js".
 */
export function builtEntry(file: "mutu.js" | "server.js"): string {
  return path.join(inject("builtNode"), file);
}

export interface CliResult {
  /** The exit code; null when the process was killed (the 60-second limit). */
  code: number | null;
  out: string;
  err: string;
}

export function runMutu(
  args: string[],
  options: { env?: Record<string, string>; input?: string; entry?: string } = {},
) {
  const entry = options.entry ?? builtEntry("mutu.js");
  return new Promise<CliResult>((resolve, reject) => {
    const child = spawn(process.execPath, [entry, ...args], {
      env: { ...process.env, ...options.env },
      timeout: 60_000,
    });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      err += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out, err }));
    child.stdin.end(options.input ?? "");
  });
}
