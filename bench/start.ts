// Benchmark of starting Mutu (decision 028), side by side in one run on the embedded database with the demo data
// (the README's first command), each the median of `runs`:
//  (a) `npm start` again with the sources unchanged since the last build, until /healthz answers 200, against
//      what `npm start` did before decision 028: `remix vite:build && tsx server.ts`;
//  (b) the command line: `node build/node/mutu.js` against `node --import tsx cli/mutu.ts`, for `help` (Node and
//      the command line's own modules) and for `db migrate` with nothing to apply (also opening the database).
// Ends with one line of JSON: {"bench":"start","ratio":…,"cliRatio":…,…} (ratio: old start ÷ second npm start).
//   npx tsx bench/start.ts [runs=3]
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { BUILT_CLI, ensureBuilt } from "./built";
import { printResult } from "./result";

const runs = Number(process.argv[2] ?? 3);
const dataDir = mkdtempSync(path.join(tmpdir(), "mutu-start-bench-"));
const env = {
  ...process.env,
  DATABASE_URL: "",
  MUTU_DATA_DIR: dataDir,
  HOST: "127.0.0.1",
  // The old start's commands as its npm script found them.
  PATH: `${path.resolve("node_modules/.bin")}${path.delimiter}${process.env.PATH ?? ""}`,
};

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  const address = probe.address();
  probe.close();
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** Stops a command started in its own process group (npm, sh and the server) as Ctrl-C does, and waits. */
async function stop(child: ChildProcess): Promise<void> {
  const exited = once(child, "exit");
  if (child.pid) process.kill(-child.pid, "SIGINT");
  await exited;
}

/** Seconds from running `command` through sh until the server it starts answers /healthz with 200. */
async function startSeconds(command: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn("sh", ["-c", command], { env: { ...env, PORT: String(port) }, detached: true, stdio: "ignore" });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`\`${command}\` exited with ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return (performance.now() - started) / 1000;
      if (performance.now() - started > 300_000) throw new Error(`\`${command}\`: no answer within 300 s`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await stop(child);
  }
}

/** Milliseconds one run of `node args` takes, from spawning to exit 0. */
function runMs(args: string[]): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, args, { env, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} exited with ${r.status}: ${r.stderr}`);
  return performance.now() - started;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

try {
  ensureBuilt();
  // The first start creates the embedded database and loads the demo: not what is measured.
  const firstSeconds = await startSeconds("npm start");
  const npmStart: number[] = [];
  const oldStart: number[] = [];
  for (let i = 0; i < runs; i++) {
    npmStart.push(await startSeconds("npm start"));
    oldStart.push(await startSeconds("remix vite:build && tsx server.ts"));
    // Vite empties build/ before it writes: build/node and the stamp are gone, and the next npm start rebuilds.
    ensureBuilt();
  }
  const tsxCli = ["--import", "tsx", "cli/mutu.ts"];
  const cli = { help: [] as number[], helpTsx: [] as number[], migrate: [] as number[], migrateTsx: [] as number[] };
  for (let i = 0; i < Math.max(runs, 5); i++) {
    cli.help.push(runMs([BUILT_CLI, "help"]));
    cli.helpTsx.push(runMs([...tsxCli, "help"]));
    cli.migrate.push(runMs([BUILT_CLI, "db", "migrate"]));
    cli.migrateTsx.push(runMs([...tsxCli, "db", "migrate"]));
  }
  const figures = {
    runs,
    firstStartSeconds: firstSeconds,
    npmStartSeconds: median(npmStart),
    oldStartSeconds: median(oldStart),
    ratio: median(oldStart) / median(npmStart),
    cliHelpMs: median(cli.help),
    cliHelpTsxMs: median(cli.helpTsx),
    cliRatio: median(cli.helpTsx) / median(cli.help),
    cliMigrateMs: median(cli.migrate),
    cliMigrateTsxMs: median(cli.migrateTsx),
    cliMigrateRatio: median(cli.migrateTsx) / median(cli.migrate),
  };
  console.log(
    [
      `first npm start (creates the database, loads the demo): ${firstSeconds.toFixed(1)} s`,
      `second npm start, sources unchanged, until /healthz: median ${figures.npmStartSeconds.toFixed(1)} s ` +
        `(${npmStart.map((s) => s.toFixed(1)).join(", ")}); before decision 028 (vite build + tsx): ` +
        `${figures.oldStartSeconds.toFixed(1)} s (${oldStart.map((s) => s.toFixed(1)).join(", ")}); ratio ${figures.ratio.toFixed(1)}x`,
      `command line, median of ${cli.help.length}: help ${figures.cliHelpMs.toFixed(0)} ms built, ` +
        `${figures.cliHelpTsxMs.toFixed(0)} ms through tsx (${figures.cliRatio.toFixed(1)}x); db migrate (nothing to apply) ` +
        `${figures.cliMigrateMs.toFixed(0)} ms built, ${figures.cliMigrateTsxMs.toFixed(0)} ms through tsx (${figures.cliMigrateRatio.toFixed(1)}x)`,
    ].join("\n"),
  );
  printResult("start", figures);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
