// A fresh, migrated database for one test file, made the process's database so that the app's server
// modules and route loaders use it. Real PostgreSQL when DATABASE_URL is set, PGlite otherwise; never mocked.
import { readFileSync } from "node:fs";
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
 * Makes `dataDir` hold an embedded database with every migration applied, for a process started with
 * MUTU_DATA_DIR=dataDir: a copy of the run's migrated PGlite, which loads in a fraction of the time a first start
 * takes to create and migrate one. When the run is on PostgreSQL there is no such copy, and the process creates it.
 */
export async function migratedPgliteDir(dataDir: string): Promise<void> {
  const dump = inject("pgliteDump");
  if (!dump) return;
  const handle = await openDatabase({
    pgliteDir: path.join(dataDir, "pglite"),
    pgliteLoad: new Blob([readFileSync(dump)]),
  });
  await handle.close();
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
