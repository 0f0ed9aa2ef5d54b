// The demo data most database test files start from, loaded once per test run instead of once per file (each
// load hashes a password and draws the demo's certificates: about 4½ s). The global setup builds one copy of each
// variant, as a PostgreSQL template database or a PGlite dump; demoDatabaseForThisFile (db.ts) hands a file its
// own fresh copy, exactly as if the file had called loadDemo itself.
import { writeFileSync } from "node:fs";
import type { loadDemo } from "../../app/.server/bootstrap";
import type { DatabaseHandle } from "../../db/client";

type DemoOptions = NonNullable<Parameters<typeof loadDemo>[1]>;

export const DEMOS = {
  /** Staff, users, templates and the workforce data, without evaluations, relative to the day of the run. */
  staff: { evaluations: false },
  /** Everything, evaluations too, relative to the day of the run. */
  today: { evaluations: true },
  /** Everything, as on 29 November 2026 (10:00 WIB): the same periods and numbers on every run. */
  "2026-11-29": { now: new Date("2026-11-29T03:00:00Z"), evaluations: true },
} satisfies Record<string, DemoOptions>;

export type DemoName = keyof typeof DEMOS;

/** Writes an in-memory PGlite's data directory to `file` as a gzipped dump (what freshDatabase loads). */
export async function dumpTo(handle: DatabaseHandle, file: string): Promise<string> {
  const blob = await handle.pglite?.dumpDataDir("gzip");
  if (!blob) throw new Error("PGlite handle does not expose its client");
  writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  return file;
}
