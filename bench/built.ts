// The benchmarks run what production runs: the server and the command line built to JavaScript (build/node/,
// decision 028), under plain Node. ensureBuilt() builds first when the sources changed since the last build,
// as `npm start` does; its output goes to stderr, so that a benchmark's stdout stays its own figures.
import { execFileSync } from "node:child_process";

export const BUILT_SERVER = "build/node/server.js";
export const BUILT_CLI = "build/node/mutu.js";

export function ensureBuilt(): void {
  execFileSync(process.execPath, ["scripts/build.mjs", "--if-changed"], { stdio: ["ignore", 2, 2] });
}

/**
 * A benchmark's own helper script (such as bench/bare-workbook.ts) compiled the same way into build/bench/, so
 * that a baseline run in its own process starts as fast as the built command line it is compared with.
 */
export async function builtBenchScript(entry: string): Promise<string> {
  const outfile = `build/bench/${entry.replace(/^bench\//, "").replace(/\.ts$/, ".js")}`;
  await bundleForNode(entry, outfile);
  return outfile;
}

/** One TypeScript entry bundled as the build bundles the server (ESM for Node 20, dependencies left outside). */
export async function bundleForNode(entry: string, outfile: string): Promise<void> {
  const { build } = await import("esbuild");
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
  });
}
