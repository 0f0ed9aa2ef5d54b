// The production build (decision 028), in plain JavaScript so that `npm start` needs no TypeScript runner:
//   node scripts/build.mjs               the Remix app by Vite (build/client, build/server), then the HTTP server
//                                        (server.ts) and the command line (cli/mutu.ts) by esbuild into
//                                        build/node/, with db/migrations copied beside them; `npm run build`
//   node scripts/build.mjs --if-changed  the same, but only when the sources differ from the last build's; `npm start`
//   node scripts/build.mjs --node-only --out DIR
//                                        only the server and the command line, into DIR (inside the repository, so
//                                        that node_modules is found), no stamp: for the test of the built files
// A build ends by writing build/sources.sha256: one SHA-256 over the path and content of every source file. Contents,
// not modification times: a checkout, a copy or a `touch` that changes nothing does not cost a rebuild, and an edit
// that keeps the size and the second still does. Hashing the ~500 files takes a few tens of milliseconds.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "build", "node");
const stampFile = path.join(root, "build", "sources.sha256");

// Everything a build is made from: what Vite bundles (app/, and the db/, analytics/ and fixtures/ modules the
// server code imports), what esbuild bundles (server.ts, cli/), the migrations copied beside them, the
// configuration of both, the installed dependencies (the lock file) and this script. Tests are left out.
const SOURCES = [
  "analytics",
  "app",
  "cli",
  "db",
  "fixtures",
  "public",
  "types",
  "server.ts",
  "vite.config.ts",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
  "scripts/build.mjs",
];
// The files the server and the command line start from: a build missing any of them is no build.
const OUTPUTS = ["build/server/index.js", "build/client", "build/node/server.js", "build/node/mutu.js"];

/** Relative paths of the source files, sorted, test files excluded. */
function sourceFiles() {
  const files = [];
  const add = (relative) => {
    const full = path.join(root, relative);
    if (!existsSync(full)) return;
    if (!statSync(full).isDirectory()) {
      if (!/\.test\.tsx?$/.test(relative)) files.push(relative);
      return;
    }
    for (const name of readdirSync(full).sort()) add(path.join(relative, name));
  };
  for (const source of SOURCES) add(source);
  return files;
}

/** SHA-256 over every source file's path and content, in a fixed order. */
function sourcesHash() {
  const hash = createHash("sha256");
  for (const file of sourceFiles()) {
    hash.update(`${file.split(path.sep).join("/")}\0`);
    hash.update(readFileSync(path.join(root, file)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

function upToDate(hash) {
  if (!OUTPUTS.every((output) => existsSync(path.join(root, output)))) return false;
  return existsSync(stampFile) && readFileSync(stampFile, "utf8").trim() === hash;
}

/** The server and the command line, bundled into `outdir` with the migrations beside them. */
async function buildNode(outdir) {
  rmSync(outdir, { recursive: true, force: true });
  const started = performance.now();
  await build({
    absWorkingDir: root,
    entryPoints: { server: "server.ts", mutu: "cli/mutu.ts" },
    outdir,
    bundle: true,
    // Dependencies stay in node_modules, loaded by Node as they are: only our own TypeScript is compiled.
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    // The command line's commands stay separate chunks, loaded only when run (a usage error answers at once).
    // Chunks sit beside the entry points, so every file's import.meta.url points into build/node/.
    splitting: true,
    // Readable stack traces in the server's error log: names and lines kept, nothing minified.
    minify: false,
    logLevel: "warning",
  });
  // db/migrations-folder.ts finds the migrations beside the file it was bundled into.
  cpSync(path.join(root, "db", "migrations"), path.join(outdir, "migrations"), { recursive: true });
  const shown = path.relative(root, outdir);
  console.log(`server and command line built to ${shown}/ in ${Math.round(performance.now() - started)} ms`);
}

async function buildAll(hash) {
  // The stamp goes first: a build stopped halfway must not pass for a finished one.
  rmSync(stampFile, { force: true });
  const vite = spawnSync(path.join(root, "node_modules", ".bin", "remix"), ["vite:build"], {
    cwd: root,
    stdio: "inherit",
  });
  if (vite.status !== 0) throw new Error(`remix vite:build failed (${vite.status ?? vite.signal})`);
  await buildNode(out);
  writeFileSync(stampFile, `${hash}\n`);
}

const args = process.argv.slice(2);
if (args.includes("--node-only")) {
  const at = args.indexOf("--out");
  await buildNode(at >= 0 && args[at + 1] ? path.resolve(args[at + 1]) : out);
} else {
  const hash = sourcesHash();
  if (args.includes("--if-changed") && upToDate(hash))
    console.log("build/ is up to date with the sources: not rebuilt.");
  else await buildAll(hash);
}
