// A fresh, migrated database for one test file, made the process's database so that the app's server
// modules and route loaders use it. Real PostgreSQL when DATABASE_URL is set, PGlite otherwise; never mocked.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, inject } from "vitest";
import { type DatabaseHandle, openDatabase, setProcessDatabase } from "../../db/client";
import { adminUrl } from "./db-global-setup";
import type { DemoName } from "./demo-databases";

/** PostgreSQL only: a new database copied from the migrated template (or a demo's), and how to drop it. */
export async function copyTemplateDatabase(demo?: DemoName): Promise<{ url: string; drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  const template = demo ? inject("demoCopies")[demo] : inject("templateDatabase");
  if (!url || !template) throw new Error("copyTemplateDatabase needs DATABASE_URL");
  const name = `${template}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}" template "${template}"`);
  return {
    url: adminUrl(url, name),
    drop: async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

/** A new migrated database of its own; with `demo`, holding that variant of the demo data (demo-databases.ts). */
export async function freshDatabase(demo?: DemoName): Promise<DatabaseHandle> {
  if (process.env.DATABASE_URL) {
    const copy = await copyTemplateDatabase(demo);
    const handle = await openDatabase({ url: copy.url });
    return {
      ...handle,
      close: async () => {
        await handle.close();
        await copy.drop();
      },
    };
  }
  const dump = readFileSync(demo ? inject("demoCopies")[demo] : inject("pgliteDump"));
  return openDatabase({ pgliteDir: null, pgliteLoad: new Blob([dump]) });
}

/**
 * Makes `dataDir` hold an embedded database with every migration applied (with `demo`, holding that variant of the
 * demo data), for a process started with MUTU_DATA_DIR=dataDir: a copy of the run's migrated PGlite, which loads in
 * a fraction of the time a first start takes to create and migrate one. When the run is on PostgreSQL there is no
 * such copy, and the process creates it.
 */
export async function migratedPgliteDir(dataDir: string, demo?: DemoName): Promise<void> {
  const dump = demo ? inject("demoCopies")[demo] : inject("pgliteDump");
  if (!dump) return;
  const handle = await openDatabase({
    pgliteDir: path.join(dataDir, "pglite"),
    pgliteLoad: new Blob([readFileSync(dump)]),
  });
  await handle.close();
}

/** A migrated database of its own for the command line or the server run as processes, on the run's database. */
export type ProcessDatabase = {
  /** What a process is started with to use it (DATABASE_URL, or MUTU_DATA_DIR on PGlite). */
  env: Record<string, string>;
  /** Opens it in this process (on PGlite, only while no process holds it). */
  open(): Promise<DatabaseHandle>;
  remove(): Promise<void>;
};

/**
 * A new migrated database for processes (with `demo`, holding that variant of the demo data): a copy of the template
 * on PostgreSQL, a new directory holding the run's copy on PGlite. Either takes a fraction of a second, where a
 * process given an empty PGlite directory spends seconds creating a cluster.
 */
export async function processDatabase(demo?: DemoName): Promise<ProcessDatabase> {
  if (process.env.DATABASE_URL) {
    const copy = await copyTemplateDatabase(demo);
    return { env: { DATABASE_URL: copy.url }, open: () => openDatabase({ url: copy.url }), remove: copy.drop };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "mutu-process-"));
  await migratedPgliteDir(dir, demo);
  return {
    env: { DATABASE_URL: "", MUTU_DATA_DIR: dir },
    open: () => openDatabase({ pgliteDir: path.join(dir, "pglite") }),
    remove: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Gives the test file its own database for all its tests; returns a getter for it. */
export function databaseForThisFile(prepare?: (handle: DatabaseHandle) => Promise<void>): () => DatabaseHandle {
  return ownDatabase(undefined, prepare);
}

/** As databaseForThisFile, the database holding the demo data as `loadDemo(handle, DEMOS[demo])` leaves it. */
export function demoDatabaseForThisFile(
  demo: DemoName,
  prepare?: (handle: DatabaseHandle) => Promise<void>,
): () => DatabaseHandle {
  return ownDatabase(demo, prepare);
}

function ownDatabase(demo: DemoName | undefined, prepare?: (handle: DatabaseHandle) => Promise<void>) {
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    handle = await freshDatabase(demo);
    setProcessDatabase(handle);
    await prepare?.(handle);
  });
  afterAll(async () => {
    await handle?.close();
  });
  return () => {
    if (!handle) throw new Error("database not ready: call inside a test or hook");
    return handle;
  };
}
