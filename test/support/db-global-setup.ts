// Prepares one migrated database per test run; every test file then gets its own fresh copy of it:
// - PostgreSQL (DATABASE_URL set): a template database, copied with CREATE DATABASE … TEMPLATE;
// - PGlite: a data-directory dump, loaded into a new in-memory PGlite.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { loadDemo } from "../../app/.server/bootstrap";
import { openDatabase } from "../../db/client";
import { DEMOS, type DemoName } from "./demo-databases";

declare module "vitest" {
  export interface ProvidedContext {
    /** PostgreSQL: the template database's name. */
    templateDatabase: string;
    /** PGlite: path of the migrated data-directory dump. */
    pgliteDump: string;
    /** Each demo variant (demo-databases.ts): a PostgreSQL template database's name or a PGlite dump's path. */
    demoCopies: Record<DemoName, string>;
    /** The server and the command line built to JavaScript for this run (builtNode below): their folder. */
    builtNode: string;
  }
}

export function adminUrl(url: string, database?: string): string {
  const u = new URL(url);
  if (database) u.pathname = `/${database}`;
  return u.toString();
}

async function dumpTo(handle: Awaited<ReturnType<typeof openDatabase>>, file: string): Promise<string> {
  const blob = await handle.pglite?.dumpDataDir("gzip");
  if (!blob) throw new Error("PGlite handle does not expose its client");
  writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  return file;
}

/**
 * The server and the command line as production runs them (decision 028), built once for the run by esbuild into
 * a folder of .cache/ (inside the repository, so that node_modules is found; outside build/, which a Vite build
 * empties). Tests that start them as processes start these: plain Node loads a command in a third of the time
 * `node --import tsx` takes to compile the sources on the way, and it is the code people run.
 */
async function buildNode(project: TestProject): Promise<() => void> {
  const out = path.join(".cache", `test-node-${process.pid}-${Date.now().toString(36)}`);
  await promisify(execFile)(process.execPath, ["scripts/build.mjs", "--node-only", "--out", out]);
  project.provide("builtNode", path.resolve(out));
  return () => rmSync(out, { recursive: true, force: true });
}

export default async function setup(project: TestProject) {
  // The build first (under a second): a failed build then leaves no database behind.
  const removeBuilt = await buildNode(project);
  const databases = await setUpDatabases(project).catch((error: unknown) => {
    removeBuilt();
    throw error;
  });
  return async () => {
    await databases();
    removeBuilt();
  };
}

async function setUpDatabases(project: TestProject): Promise<() => Promise<void> | void> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `mutu_tmpl_${process.pid}_${Date.now().toString(36)}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${template}"`);
    const handle = await openDatabase({ url: adminUrl(url, template) });
    await handle.migrate();
    await handle.close();
    // The demo variants side by side: their loads wait on PostgreSQL and on hashing much of the time.
    const demoCopies = Object.fromEntries(
      await Promise.all(
        (Object.keys(DEMOS) as DemoName[]).map(async (name) => {
          const copy = `${template}_demo_${name.replace(/\W/g, "_")}`;
          await admin.unsafe(`create database "${copy}" template "${template}"`);
          const demo = await openDatabase({ url: adminUrl(url, copy) });
          await loadDemo(demo, DEMOS[name]);
          await demo.close();
          return [name, copy];
        }),
      ),
    ) as Record<DemoName, string>;
    project.provide("templateDatabase", template);
    project.provide("pgliteDump", "");
    project.provide("demoCopies", demoCopies);
    return async () => {
      // Copies made by test files that crashed before dropping theirs, then the template.
      const leftovers = await admin<{ datname: string }[]>`
        select datname from pg_database where datname like ${`${template}_%`}`;
      for (const { datname } of leftovers) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
      await admin.unsafe(`drop database if exists "${template}" with (force)`);
      await admin.end();
    };
  }

  const dir = mkdtempSync(path.join(tmpdir(), "mutu-test-"));
  const handle = await openDatabase({ pgliteDir: null });
  await handle.migrate();
  const dump = await dumpTo(handle, path.join(dir, "migrated.tar.gz"));
  await handle.close();
  const demoCopies = {} as Record<DemoName, string>;
  for (const name of Object.keys(DEMOS) as DemoName[]) {
    const demo = await openDatabase({ pgliteDir: null, pgliteLoad: new Blob([readFileSync(dump)]) });
    await loadDemo(demo, DEMOS[name]);
    demoCopies[name] = await dumpTo(demo, path.join(dir, `demo-${name}.tar.gz`));
    await demo.close();
  }
  project.provide("templateDatabase", "");
  project.provide("pgliteDump", dump);
  project.provide("demoCopies", demoCopies);
  return () => rmSync(dir, { recursive: true, force: true });
}
