// Prepares one migrated database per test run; every test file then gets its own fresh copy of it:
// - PostgreSQL (DATABASE_URL set): a template database, copied with CREATE DATABASE … TEMPLATE;
// - PGlite: a data-directory dump, loaded into a new in-memory PGlite.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../db/client";

declare module "vitest" {
  export interface ProvidedContext {
    /** PostgreSQL: the template database's name. */
    templateDatabase: string;
    /** PGlite: path of the migrated data-directory dump. */
    pgliteDump: string;
  }
}

export function adminUrl(url: string, database?: string): string {
  const u = new URL(url);
  if (database) u.pathname = `/${database}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `mutu_tmpl_${process.pid}_${Date.now().toString(36)}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${template}"`);
    const handle = await openDatabase({ url: adminUrl(url, template) });
    await handle.migrate();
    await handle.close();
    project.provide("templateDatabase", template);
    project.provide("pgliteDump", "");
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
  const dump = path.join(dir, "migrated.tar.gz");
  const blob = await handle.pglite?.dumpDataDir("gzip");
  if (!blob) throw new Error("PGlite handle does not expose its client");
  writeFileSync(dump, Buffer.from(await blob.arrayBuffer()));
  await handle.close();
  project.provide("templateDatabase", "");
  project.provide("pgliteDump", dump);
  return () => rmSync(dir, { recursive: true, force: true });
}
