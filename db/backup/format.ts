// A Mutu backup file's constants and types, and SQL literals written so every server reads them back the same
// (see db/backup.ts for the file's shape).
import type { sql } from "drizzle-orm";
import type { Database } from "../client";

export const BACKUP_FORMAT = 1;
export const FIRST_LINE = `-- Mutu backup, format ${BACKUP_FORMAT}`;
export const END_PREFIX = "-- end of Mutu backup: ";
export const ROWS_PER_FETCH = 500;
// Keeps each statement (and what either side holds in memory at once) small; a single larger row still fits.
export const BYTES_PER_STATEMENT = 1_000_000;
// A line longer than this is not something a backup contains (the largest row is a certificate PDF of some MB).
export const MAX_LINE_BYTES = 256 * 1024 * 1024;
export const MAX_FIRST_LINE_BYTES = 4096;

// Drizzle's migration bookkeeping, created exactly as drizzle-orm's migrator creates it.
export const MIGRATIONS_SCHEMA = "drizzle";
export const MIGRATIONS_TABLE = "__drizzle_migrations";

// What a fresh install writes by itself: the teams of migration 0001, the data versions of migration 0014,
// and the default scorecard templates (with an audit entry each) that `db migrate` and every start add. Each table's condition picks the rows a
// fresh install does not write; a database with none of those, and no rows elsewhere, still counts as empty.
export const FRESH_INSTALL_EXTRA_ROWS: Record<string, string> = {
  teams: "false",
  data_versions: "false",
  scorecard_templates: "false",
  scorecard_versions: "false",
  scorecard_items: "false",
  audit_log: "actor_user_id is not null or action <> 'create' or entity <> 'scorecard_version'",
};

// Makes every value's text form the same whatever the server's defaults: ISO dates, UTC offsets, hex bytea,
// floats printed so that they read back to the same bits.
export const SESSION_SETTINGS = [
  "set local datestyle = 'ISO, YMD'",
  "set local intervalstyle = 'postgres'",
  "set local timezone = 'UTC'",
  "set local extra_float_digits = 3",
  "set local bytea_output = 'hex'",
  "set local standard_conforming_strings = on",
];

/** A backup that cannot be made or a file that cannot be restored, for a reason the user can act on. */
export class BackupRefusedError extends Error {
  override name = "BackupRefusedError";
}

export type Migration = { createdAt: string; hash: string; tag: string };
export type BackupHeader = {
  mutuVersion: string;
  createdAt: string;
  source: string;
  migrations: Migration[];
};
export type TableCount = { table: string; rows: number };
export type BackupSummary = { tables: TableCount[]; rows: number; bytes: number; migrations: number };
export type RestoreSummary = {
  header: BackupHeader;
  tables: TableCount[];
  rows: number;
  /** Migrations of this Mutu that the backup predates, applied after loading its rows. */
  newerMigrations: string[];
};

export type TableName = { schema: string; name: string };
export type Column = { name: string; type: string; identity: string };

export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
export const qualified = (t: TableName) => `${ident(t.schema)}.${ident(t.name)}`;
/** How a table is named to people: bare for the app's tables, with its schema otherwise. */
export const tableLabel = (t: TableName) => (t.schema === "public" ? t.name : `${t.schema}.${t.name}`);

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export async function query<T>(db: Database, statement: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await db.execute(statement));
}

const INTEGER_TYPES = new Set(["smallint", "integer", "bigint"]);
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters to escape is the point.
const ESCAPED = /[\\\u0000-\u001f]/g;

function escapeChar(c: string): string {
  if (c === "\\") return "\\\\";
  if (c === "\n") return "\\n";
  if (c === "\r") return "\\r";
  if (c === "\t") return "\\t";
  return `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`;
}

/**
 * A string constant for `text`, on one line: '…' with quotes doubled, or E'…' with backslashes and control
 * characters (newlines too) escaped when it has any.
 */
export function sqlLiteral(text: string): string {
  const quoted = text.replaceAll("'", "''");
  const escaped = quoted.replace(ESCAPED, escapeChar);
  return escaped === quoted ? `'${quoted}'` : `E'${escaped}'`;
}

/**
 * A value as it goes into an INSERT: from its text form in PostgreSQL (`column::text`), which the column's
 * type reads back exactly (dates, timestamps with offset, numeric, floats, jsonb, arrays, bytea as \x…).
 * Integers and booleans are written bare for readability; null is NULL.
 */
export function valueSql(text: string | null, type: string): string {
  if (text === null) return "NULL";
  if (INTEGER_TYPES.has(type) && /^-?[0-9]+$/.test(text)) return text;
  if (type === "boolean" && (text === "true" || text === "false")) return text;
  return sqlLiteral(text);
}
