// Prepares one migrated database per test run; every test file then gets its own fresh copy of it:
// - PostgreSQL (DATABASE_URL set): a template database, copied with CREATE DATABASE … TEMPLATE;
// - PGlite: a data-directory dump, loaded into a new in-memory PGlite.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { bundleForNode } from "../../bench/built";
import { openDatabase } from "../../db/client";
import { DEMOS, type DemoName, dumpTo } from "./demo-databases";

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

/**
 * The server and the command line as production runs them (decision 028), built once for the run by esbuild into
 * a folder of .cache/ (inside the repository, so that node_modules is found; outside build/, which a Vite build
 * empties). Tests that start them as processes start these: plain Node loads a command in a third of the time
 * `node --import tsx` takes to compile the sources on the way, and it is the code people run.
 */
async function buildNode(project: TestProject): Promise<{ demoVariant: string; remove: () => void }> {
  const out = path.join(".cache", `test-node-${process.pid}-${Date.now().toString(36)}`);
  await promisify(execFile)(process.execPath, ["scripts/build.mjs", "--node-only", "--out", out]);
  // The demo loader of this setup (demo-variant.ts), bundled the same way beside them.
  const demoVariant = path.resolve(out, "test", "demo-variant.js");
  await bundleForNode("test/support/demo-variant.ts", demoVariant);
  project.provide("builtNode", path.resolve(out));
  return {
    demoVariant,
    remove: () => rmSync(out, { recursive: true, force: true }),
  };
}

/**
 * Loads each demo variant into the database `copyOf` names, each in a process of its own (demo-variant.ts), side by
 * side; returns those names.
 */
async function loadVariants(
  script: string,
  copyOf: (name: DemoName) => string,
  args: (copy: string) => string[],
): Promise<Record<DemoName, string>> {
  const names = Object.keys(DEMOS) as DemoName[];
  await Promise.all(
    names.map((name) =>
      promisify(execFile)(process.execPath, [script, name, ...args(copyOf(name))], { maxBuffer: 16 * 1024 * 1024 }),
    ),
  );
  return Object.fromEntries(names.map((name) => [name, copyOf(name)])) as Record<DemoName, string>;
}

export default async function setup(project: TestProject) {
  // The build first (under a second): a failed build then leaves no database behind.
  const built = await buildNode(project);
  const databases = await setUpDatabases(project, built.demoVariant).catch((error: unknown) => {
    built.remove();
    throw error;
  });
  return async () => {
    await databases();
    built.remove();
  };
}

async function setUpDatabases(project: TestProject, demoVariant: string): Promise<() => Promise<void> | void> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `mutu_tmpl_${process.pid}_${Date.now().toString(36)}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${template}"`);
    const handle = await openDatabase({ url: adminUrl(url, template) });
    await handle.migrate();
    await handle.close();
    const copyOf = (name: DemoName) => `${template}_demo_${name.replace(/\W/g, "_")}`;
    for (const name of Object.keys(DEMOS) as DemoName[]) {
      await admin.unsafe(`create database "${copyOf(name)}" template "${template}"`);
    }
    const demoCopies = await loadVariants(demoVariant, copyOf, (copy) => ["postgres", adminUrl(url, copy)]);
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
  const copyOf = (name: DemoName) => path.join(dir, `demo-${name}.tar.gz`);
  const demoCopies = await loadVariants(demoVariant, copyOf, (copy) => ["pglite", dump, copy]);
  project.provide("templateDatabase", "");
  project.provide("pgliteDump", dump);
  project.provide("demoCopies", demoCopies);
  return () => rmSync(dir, { recursive: true, force: true });
}
