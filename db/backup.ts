// Backups as one plain SQL file, written and read through the app's own database handle, so that they work the
// same on PostgreSQL and on the embedded PGlite (which has no pg_dump) and need no client tools on the machine.
// The file holds the data, not the schema: the schema is Mutu's migrations, and the file names the migrations
// its database had. A restore applies those migrations to an empty database, loads the rows, sets the sequences
// and then applies the migrations this Mutu has that the backup predates, all in one transaction.
// See docs/decisions/012-backups.md.
//
// The file, one statement per line (newlines inside values are escaped), so reading it back needs no SQL parser:
//   -- Mutu backup, format 1
//   -- mutu-version: 0.1.0             header lines: version, creation time, source, every applied migration
//   -- table "public"."staff": 40 rows
//   INSERT INTO "public"."staff" ("id", …) VALUES (1, '…', …), (2, …);      up to 500 rows or ~1 MB each
//   SELECT pg_catalog.setval('"public"."staff_id_seq"', 40, true);
//   -- end of Mutu backup: 27 tables, 12345 rows, sha256 <hex of every byte before this line>
import { createHash } from "node:crypto";
import { once } from "node:events";
import { createReadStream, readFileSync } from "node:fs";
import path from "node:path";
import type { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { Database, DatabaseHandle } from "./client";

export const BACKUP_FORMAT = 1;
const FIRST_LINE = `-- Mutu backup, format ${BACKUP_FORMAT}`;
const END_PREFIX = "-- end of Mutu backup: ";
const ROWS_PER_FETCH = 500;
// Keeps each statement (and what either side holds in memory at once) small; a single larger row still fits.
const BYTES_PER_STATEMENT = 1_000_000;
// A line longer than this is not something a backup contains (the largest row is a certificate PDF of some MB).
const MAX_LINE_BYTES = 256 * 1024 * 1024;
const MAX_FIRST_LINE_BYTES = 4096;

// Drizzle's migration bookkeeping, created exactly as drizzle-orm's migrator creates it.
const MIGRATIONS_SCHEMA = "drizzle";
const MIGRATIONS_TABLE = "__drizzle_migrations";

// What a fresh install writes by itself: the teams of migration 0001, and the default scorecard templates
// (with an audit entry each) that `db migrate` and every start add. Each table's condition picks the rows a
// fresh install does not write; a database with none of those, and no rows elsewhere, still counts as empty.
const FRESH_INSTALL_EXTRA_ROWS: Record<string, string> = {
  teams: "false",
  scorecard_templates: "false",
  scorecard_versions: "false",
  scorecard_items: "false",
  audit_log: "actor_user_id is not null or action <> 'create' or entity <> 'scorecard_version'",
};

// Makes every value's text form the same whatever the server's defaults: ISO dates, UTC offsets, hex bytea,
// floats printed so that they read back to the same bits.
const SESSION_SETTINGS = [
  "set local datestyle = 'ISO, YMD'",
  "set local intervalstyle = 'postgres'",
  "set local timezone = 'UTC'",
  "set local extra_float_digits = 3",
  "set local bytea_output = 'hex'",
  "set local standard_conforming_strings = on",
];

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

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

type TableName = { schema: string; name: string };
type Column = { name: string; type: string; identity: string };

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const qualified = (t: TableName) => `${ident(t.schema)}.${ident(t.name)}`;
/** How a table is named to people: bare for the app's tables, with its schema otherwise. */
export const tableLabel = (t: TableName) => (t.schema === "public" ? t.name : `${t.schema}.${t.name}`);

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

async function query<T>(db: Database, statement: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await db.execute(statement));
}

// --- SQL literals ------------------------------------------------------------------------------------------

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

// --- The catalogue -----------------------------------------------------------------------------------------

// Every table outside PostgreSQL's own schemas: the app's (public) and drizzle's migrations table.
const USER_SCHEMA = sql`n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'`;

async function listTables(db: Database): Promise<TableName[]> {
  return query<TableName>(
    db,
    sql`select n.nspname as schema, c.relname as name
        from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p') and not c.relispartition and ${USER_SCHEMA}
        order by n.nspname, c.relname`,
  );
}

/** The tables in an order where every table comes after the tables its foreign keys point to. */
async function dependencyOrder(db: Database, tables: TableName[]): Promise<TableName[]> {
  const edges = await query<{ schema: string; name: string; refSchema: string; refName: string }>(
    db,
    sql`select cn.nspname as schema, c.relname as name, fn.nspname as "refSchema", f.relname as "refName"
        from pg_catalog.pg_constraint k
        join pg_catalog.pg_class c on c.oid = k.conrelid
        join pg_catalog.pg_namespace cn on cn.oid = c.relnamespace
        join pg_catalog.pg_class f on f.oid = k.confrelid
        join pg_catalog.pg_namespace fn on fn.oid = f.relnamespace
        where k.contype = 'f'`,
  );
  const key = (schema: string, name: string) => `${schema}.${name}`;
  const byKey = new Map(tables.map((t) => [key(t.schema, t.name), t]));
  const needs = new Map(tables.map((t) => [key(t.schema, t.name), new Set<string>()]));
  for (const e of edges) {
    const from = key(e.schema, e.name);
    const to = key(e.refSchema, e.refName);
    // A table referring to itself is ordered by its primary key instead (Mutu has none today).
    if (from !== to && byKey.has(to)) needs.get(from)?.add(to);
  }
  const ordered: TableName[] = [];
  const done = new Set<string>();
  while (ordered.length < tables.length) {
    // The first ready table by name, so that the file's order is stable.
    const next = tables.find((t) => {
      const k = key(t.schema, t.name);
      return !done.has(k) && [...(needs.get(k) ?? [])].every((d) => done.has(d));
    });
    if (!next) {
      const left = tables.filter((t) => !done.has(key(t.schema, t.name))).map(tableLabel);
      throw new Error(`Foreign keys form a cycle among ${left.join(", ")}: no order loads them.`);
    }
    done.add(key(next.schema, next.name));
    ordered.push(next);
  }
  return ordered;
}

async function columnsOf(db: Database, table: TableName): Promise<Column[]> {
  return query<Column>(
    db,
    sql`select a.attname as name, pg_catalog.format_type(a.atttypid, a.atttypmod) as type,
               a.attidentity as identity
        from pg_catalog.pg_attribute a
        where a.attrelid = ${qualified(table)}::regclass and a.attnum > 0 and not a.attisdropped
          and a.attgenerated = ''
        order by a.attnum`,
  );
}

async function primaryKeyOf(db: Database, table: TableName): Promise<string[]> {
  const rows = await query<{ name: string }>(
    db,
    sql`select a.attname as name
        from pg_catalog.pg_index i
        join pg_catalog.pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
        where i.indrelid = ${qualified(table)}::regclass and i.indisprimary
        order by array_position(i.indkey::int2[], a.attnum)`,
  );
  return rows.map((r) => r.name);
}

async function listSequences(db: Database): Promise<TableName[]> {
  return query<TableName>(
    db,
    sql`select n.nspname as schema, c.relname as name
        from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
        where c.relkind = 'S' and ${USER_SCHEMA}
        order by n.nspname, c.relname`,
  );
}

/** The migrations applied to the database, oldest first; null when it has no migrations table. */
async function appliedMigrations(db: Database): Promise<Migration[] | null> {
  const table = `${ident(MIGRATIONS_SCHEMA)}.${ident(MIGRATIONS_TABLE)}`;
  const [exists] = await query<{ found: boolean }>(db, sql`select to_regclass(${table}) is not null as found`);
  if (!exists?.found) return null;
  const rows = await query<{ hash: string; createdAt: string }>(
    db,
    sql.raw(`select hash, created_at::text as "createdAt" from ${table} order by created_at, id`),
  );
  const tags = migrationTags();
  return rows.map((r) => ({ createdAt: r.createdAt, hash: r.hash, tag: tags.get(r.createdAt) ?? "?" }));
}

export type CodeMigration = { sql: string[]; folderMillis: number; hash: string; tag: string };

/** This Mutu's migrations, oldest first, as drizzle-orm's migrator reads them. */
function codeMigrations(): CodeMigration[] {
  const tags = migrationTags();
  return readMigrationFiles({ migrationsFolder }).map((m) => ({
    ...m,
    tag: tags.get(String(m.folderMillis)) ?? "?",
  }));
}

function migrationTags(): Map<string, string> {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
    entries: { when: number; tag: string }[];
  };
  return new Map(journal.entries.map((e) => [String(e.when), e.tag]));
}

function mutuVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(migrationsFolder, "..", "..", "package.json"), "utf8")) as {
    version?: string;
  };
  return pkg.version ?? "?";
}

// --- Writing -----------------------------------------------------------------------------------------------

class DumpWriter {
  readonly hash = createHash("sha256");
  bytes = 0;
  constructor(private readonly output: Writable) {}

  async line(text: string, hashed = true): Promise<void> {
    const chunk = `${text}\n`;
    if (hashed) this.hash.update(chunk);
    this.bytes += Buffer.byteLength(chunk);
    if (!this.output.write(chunk)) await once(this.output, "drain");
  }
}

/**
 * Writes the whole database to `output` (which it does not end), read in one REPEATABLE READ read-only
 * transaction so that the file is one consistent moment even while the app keeps writing (PostgreSQL).
 * Refuses a database without Mutu's migrations.
 */
export async function writeBackup(
  handle: DatabaseHandle,
  output: Writable,
  options: { now?: Date } = {},
): Promise<BackupSummary> {
  const now = options.now ?? new Date();
  return handle.db.transaction(
    async (tx) => {
      for (const setting of SESSION_SETTINGS) await tx.execute(sql.raw(setting));
      const migrations = await appliedMigrations(tx);
      if (!migrations?.length) {
        throw new BackupRefusedError(
          `Basis data di ${handle.location} belum berisi Mutu (belum ada migrasi yang diterapkan): tidak ada yang dicadangkan.`,
        );
      }
      const tables = await dependencyOrder(tx, await listTables(tx));
      const out = new DumpWriter(output);
      await out.line(FIRST_LINE);
      await out.line("-- The data of one Mutu database as plain SQL, not its schema: the schema is Mutu's migrations,");
      await out.line("-- listed below. Restore with `npm run mutu -- db restore FILE` into an empty database.");
      await out.line(`-- mutu-version: ${mutuVersion()}`);
      await out.line(`-- created-at: ${now.toISOString()}`);
      await out.line(`-- source: ${handle.kind} ${handle.location}`);
      for (const m of migrations) await out.line(`-- migration: ${m.createdAt} ${m.hash} ${m.tag}`);
      await out.line(`-- tables: ${tables.length}`);
      await out.line("");

      const counts: TableCount[] = [];
      for (const table of tables) {
        const rows = await writeTable(tx, out, table);
        counts.push({ table: tableLabel(table), rows });
      }

      await out.line("");
      for (const sequence of await listSequences(tx)) {
        const [state] = await query<{ last: string; called: boolean }>(
          tx,
          sql.raw(`select last_value::text as last, is_called as called from ${qualified(sequence)}`),
        );
        if (!state) continue;
        await out.line(`SELECT pg_catalog.setval(${sqlLiteral(qualified(sequence))}, ${state.last}, ${state.called});`);
      }
      const total = counts.reduce((sum, t) => sum + t.rows, 0);
      const digest = out.hash.digest("hex");
      await out.line(`${END_PREFIX}${tables.length} tables, ${total} rows, sha256 ${digest}`, false);
      return { tables: counts, rows: total, bytes: out.bytes, migrations: migrations.length };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

/** One table's rows in primary-key order, fetched through a cursor ROWS_PER_FETCH at a time. */
async function writeTable(tx: Database, out: DumpWriter, table: TableName): Promise<number> {
  const columns = await columnsOf(tx, table);
  const primaryKey = await primaryKeyOf(tx, table);
  const name = qualified(table);
  const [counted] = await query<{ n: string }>(tx, sql.raw(`select count(*)::text as n from ${name}`));
  const expected = Number(counted?.n ?? 0);
  await out.line(`-- table ${name}: ${expected} ${expected === 1 ? "row" : "rows"}`);
  if (expected === 0 || columns.length === 0) return 0;

  const into =
    `INSERT INTO ${name} (${columns.map((c) => ident(c.name)).join(", ")})` +
    (columns.some((c) => c.identity === "a") ? " OVERRIDING SYSTEM VALUE" : "") +
    " VALUES ";
  // why the '.': PGlite decodes every text value with a TextDecoder, which drops a leading byte-order mark (a
  // CSV upload's content starts with one); a value that never starts with it comes through whole.
  const select = columns.map((c, i) => `'.' || ${ident(c.name)}::text as c${i}`).join(", ");
  const order = primaryKey.length ? ` order by ${primaryKey.map(ident).join(", ")}` : "";
  await tx.execute(sql.raw(`declare mutu_backup no scroll cursor for select ${select} from ${name}${order}`));
  let written = 0;
  for (;;) {
    const rows = await query<Record<string, string | null>>(
      tx,
      sql.raw(`fetch forward ${ROWS_PER_FETCH} from mutu_backup`),
    );
    let tuples: string[] = [];
    let size = 0;
    for (const row of rows) {
      const tuple = `(${columns.map((c, i) => valueSql(row[`c${i}`]?.slice(1) ?? null, c.type)).join(", ")})`;
      if (tuples.length > 0 && size + tuple.length > BYTES_PER_STATEMENT) {
        await out.line(`${into}${tuples.join(", ")};`);
        tuples = [];
        size = 0;
      }
      tuples.push(tuple);
      size += tuple.length;
    }
    if (tuples.length > 0) await out.line(`${into}${tuples.join(", ")};`);
    written += rows.length;
    if (rows.length < ROWS_PER_FETCH) break;
  }
  await tx.execute(sql.raw("close mutu_backup"));
  // Cannot differ inside one snapshot; a check that the cursor read what the count saw.
  if (written !== expected) throw new Error(`${name}: ${written} rows read, ${expected} counted`);
  return written;
}

// --- Reading -----------------------------------------------------------------------------------------------

type Line = { text: string; bytes: Buffer; terminated: boolean };

/** The file's lines (split on \n), with their bytes for the checksum; never more than one line in memory. */
async function* fileLines(file: string): AsyncGenerator<Line> {
  const stream = createReadStream(file, { highWaterMark: 1 << 20 });
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let index = 0;
  const take = (bytes: Buffer, terminated: boolean): Line => {
    index++;
    return { text: bytes.toString("utf8"), bytes, terminated };
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let start = 0;
      for (let end = chunk.indexOf(10, start); end !== -1; end = chunk.indexOf(10, start)) {
        const piece = chunk.subarray(start, end);
        yield take(pending.length ? Buffer.concat([...pending, piece]) : piece, true);
        pending = [];
        pendingBytes = 0;
        start = end + 1;
      }
      if (start < chunk.length) {
        pending.push(chunk.subarray(start));
        pendingBytes += chunk.length - start;
        if (pendingBytes > (index === 0 ? MAX_FIRST_LINE_BYTES : MAX_LINE_BYTES)) {
          throw index === 0 ? notABackup() : damaged(`baris ${index + 1} terlalu panjang`);
        }
      }
    }
    if (pending.length) yield take(Buffer.concat(pending), false);
  } finally {
    stream.destroy();
  }
}

const notABackup = () =>
  new BackupRefusedError(`Berkas ini bukan cadangan Mutu: baris pertamanya harus "${FIRST_LINE}".`);
const damaged = (why: string) =>
  new BackupRefusedError(`Berkas cadangan rusak (${why}). Tidak ada yang dipulihkan; pakai cadangan yang lain.`);

function parseQualified(quoted: string): TableName {
  const [, schema = "", name = ""] = /^"((?:[^"]|"")+)"\."((?:[^"]|"")+)"$/.exec(quoted) ?? [];
  return { schema: schema.replaceAll('""', '"'), name: name.replaceAll('""', '"') };
}

const truncated = () =>
  new BackupRefusedError(
    `Berkas cadangan tidak lengkap (terpotong?): baris penutup "${END_PREFIX.trim()} …" tidak ada. Tidak ada yang dipulihkan.`,
  );

const TABLE_LINE = /^-- table ("(?:[^"]|"")+"\."(?:[^"]|"")+"): (\d+) rows?$/;
const SETVAL_LINE = /^SELECT pg_catalog\.setval\('(?:[^']|'')+', -?[0-9]+, (?:true|false)\);$/;
const END_LINE = /^-- end of Mutu backup: (\d+) tables, (\d+) rows, sha256 ([0-9a-f]{64})$/;
const HEADER_LINE = /^-- ([a-z-]+): (.*)$/;

export type BackupContents = {
  header: BackupHeader;
  /** Each table's quoted name and the rows the file declares for it, in file order. */
  tables: { name: string; rows: number }[];
  rows: number;
  sha256: string;
};

/**
 * Reads the whole file once without touching any database: the header, every line's shape, the row counts
 * and the checksum in the last line. Refuses (BackupRefusedError) anything that is not a complete, unaltered
 * Mutu backup, such as another file, a file cut short or one changed after it was written.
 */
export async function inspectBackup(file: string): Promise<BackupContents> {
  const hash = createHash("sha256");
  const header: Partial<BackupHeader> & { migrations: Migration[]; tables?: number } = { migrations: [] };
  const tables: { name: string; rows: number }[] = [];
  let phase: "first" | "header" | "body" | "end" = "first";
  let end: RegExpExecArray | null = null;
  let lineNo = 0;
  for await (const line of fileLines(file)) {
    lineNo++;
    if (phase === "end") {
      if (line.text !== "" || line.terminated) throw damaged(`ada isi sesudah baris penutup, baris ${lineNo}`);
      continue;
    }
    const text = line.text;
    if (phase !== "first" && !line.terminated) throw truncated();
    if (text.startsWith(END_PREFIX)) {
      end = END_LINE.exec(text);
      if (!end) throw damaged(`baris penutup ${lineNo} tidak utuh`);
      phase = "end";
      continue;
    }
    hash.update(line.bytes);
    hash.update("\n");
    if (phase === "first") {
      if (text === FIRST_LINE) {
        if (!line.terminated) throw truncated();
        phase = "header";
        continue;
      }
      const format = /^-- Mutu backup, format (\S+)$/.exec(text)?.[1];
      if (format) {
        throw new BackupRefusedError(
          `Cadangan ini berformat ${format}; versi Mutu ini hanya membaca format ${BACKUP_FORMAT}. Pulihkan dengan versi Mutu yang membuatnya.`,
        );
      }
      throw notABackup();
    }
    if (phase === "header") {
      if (text === "") {
        phase = "body";
        continue;
      }
      const field = HEADER_LINE.exec(text);
      if (!field) {
        if (text.startsWith("-- ")) continue;
        throw damaged(`baris ${lineNo} di bagian kepala tidak dikenal`);
      }
      const [, key, value = ""] = field;
      if (key === "mutu-version") header.mutuVersion = value;
      else if (key === "created-at") header.createdAt = value;
      else if (key === "source") header.source = value;
      else if (key === "tables") header.tables = Number(value);
      else if (key === "migration") {
        const [createdAt = "", hash = "", tag = "?"] = value.split(" ");
        if (!/^[0-9]+$/.test(createdAt) || !/^[0-9a-f]{64}$/.test(hash)) throw damaged(`baris ${lineNo}`);
        header.migrations.push({ createdAt, hash, tag });
      }
      continue;
    }
    // The body.
    if (text === "") continue;
    const table = TABLE_LINE.exec(text);
    if (table) {
      tables.push({ name: table[1] ?? "", rows: Number(table[2]) });
      continue;
    }
    const current = tables.at(-1);
    if (current && text.startsWith(`INSERT INTO ${current.name} (`) && text.endsWith(");")) continue;
    if (SETVAL_LINE.test(text)) continue;
    throw damaged(`baris ${lineNo} bukan bagian dari cadangan Mutu`);
  }

  if (phase === "first") throw notABackup();
  if (!end) throw truncated();
  const digest = hash.digest("hex");
  if (digest !== end[3]) throw damaged("isinya tidak cocok dengan checksum di baris penutup");
  const rows = tables.reduce((sum, t) => sum + t.rows, 0);
  const { mutuVersion, createdAt, source } = header;
  if (
    !mutuVersion ||
    !createdAt ||
    !source ||
    header.migrations.length === 0 ||
    header.tables !== tables.length ||
    Number(end[1]) !== tables.length ||
    Number(end[2]) !== rows
  ) {
    throw damaged("bagian kepala atau jumlah baris tidak lengkap");
  }
  return { header: { mutuVersion, createdAt, source, migrations: header.migrations }, tables, rows, sha256: digest };
}

// --- Restoring ---------------------------------------------------------------------------------------------

export type RestorePlan = { file: string; contents: BackupContents; migrations: CodeMigration[] };

/**
 * Everything about a restore that needs no database: the file is a complete Mutu backup (inspectBackup) made
 * with migrations this Mutu has. Done before the database is opened, so that a refused file creates nothing.
 */
export async function planRestore(file: string): Promise<RestorePlan> {
  const contents = await inspectBackup(file);
  const migrations = codeMigrations();
  checkMigrationsKnown(contents.header, migrations);
  return { file, contents, migrations };
}

/**
 * Restores the planned file into the database of `handle`, which must be empty: no tables at all (a new database, a
 * new PGlite directory), or migrated to the backup's level with only what a fresh install writes (FRESH_INSTALL_EXTRA_ROWS). Everything
 * happens in one transaction, so a restore that fails changes nothing.
 */
export async function restoreBackup(handle: DatabaseHandle, plan: RestorePlan): Promise<RestoreSummary> {
  const { file, contents, migrations: code } = plan;
  const { header } = contents;
  const last = BigInt(header.migrations.at(-1)?.createdAt ?? "0");

  return handle.db.transaction(async (tx) => {
    for (const setting of SESSION_SETTINGS) await tx.execute(sql.raw(setting));
    await prepareTarget(tx, header, code.slice(0, header.migrations.length));

    // Statement by statement, checking again that the file is the one inspected.
    const hash = createHash("sha256");
    let lineNo = 0;
    let table = "";
    for await (const line of fileLines(file)) {
      lineNo++;
      if (line.text.startsWith(END_PREFIX)) break;
      hash.update(line.bytes);
      hash.update("\n");
      const declared = TABLE_LINE.exec(line.text)?.[1];
      if (declared) table = tableLabel(parseQualified(declared));
      if (line.text.startsWith("INSERT INTO ") || line.text.startsWith("SELECT pg_catalog.setval(")) {
        await tx.execute(sql.raw(line.text)).catch((error: unknown) => {
          throw loadFailed(lineNo, line.text.startsWith("INSERT") ? table : "", error);
        });
      }
    }
    if (hash.digest("hex") !== contents.sha256) throw damaged("berkas berubah selama pemulihan");

    const tables: TableCount[] = [];
    for (const declared of contents.tables) {
      const [counted] = await query<{ n: string }>(tx, sql.raw(`select count(*)::text as n from ${declared.name}`));
      const table = tableLabel(parseQualified(declared.name));
      if (Number(counted?.n) !== declared.rows) {
        throw new Error(`${table}: ${counted?.n} rows restored, the backup declares ${declared.rows}`);
      }
      tables.push({ table, rows: declared.rows });
    }

    // The migrations of this Mutu that the backup predates, applied the way drizzle-orm's migrator applies them.
    const newer = code.filter((m) => BigInt(m.folderMillis) > last);
    for (const migration of newer) {
      for (const statement of migration.sql) await tx.execute(sql.raw(statement));
      await tx.execute(
        sql`insert into ${sql.identifier(MIGRATIONS_SCHEMA)}.${sql.identifier(MIGRATIONS_TABLE)} ("hash", "created_at")
            values (${migration.hash}, ${migration.folderMillis})`,
      );
    }
    return { header, tables, rows: contents.rows, newerMigrations: newer.map((m) => m.tag) };
  });
}

/**
 * A statement of the file that the database refused. Drizzle's error carries the whole statement, rows of
 * personal data included: only the database's own message goes on (DESIGN.md §8.9).
 */
function loadFailed(lineNo: number, table: string, error: unknown): BackupRefusedError {
  const cause = (error as { cause?: unknown }).cause ?? error;
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new BackupRefusedError(
    `Pemulihan gagal di baris ${lineNo}${table ? ` (tabel ${table})` : ""}: ${reason}. Tidak ada yang diubah.`,
  );
}

/** The backup's migrations must be this Mutu's first ones: its schema is rebuilt from them. */
function checkMigrationsKnown(header: BackupHeader, code: CodeMigration[]): void {
  const theirs = header.migrations;
  if (theirs.length > code.length) {
    throw new BackupRefusedError(
      `Cadangan ini dibuat oleh Mutu yang lebih baru (Mutu ${header.mutuVersion}, ${theirs.length} migrasi; versi ini ${code.length}). Pulihkan dengan Mutu ${header.mutuVersion} atau yang lebih baru.`,
    );
  }
  theirs.forEach((m, i) => {
    const ours = code[i];
    if (!ours || String(ours.folderMillis) !== m.createdAt || ours.hash !== m.hash) {
      throw new BackupRefusedError(
        `Migrasi ke-${i + 1} dalam cadangan (${m.tag}) tidak sama dengan migrasi versi Mutu ini (${ours?.tag ?? "tidak ada"}). Pulihkan dengan Mutu ${header.mutuVersion}.`,
      );
    }
  });
}

async function prepareTarget(tx: Database, header: BackupHeader, schemaMigrations: CodeMigration[]): Promise<void> {
  const migrationsTable = `${ident(MIGRATIONS_SCHEMA)}.${ident(MIGRATIONS_TABLE)}`;
  const applied = await appliedMigrations(tx);
  const existing = await listTables(tx);
  const isMigrationsTable = (t: TableName) => t.schema === MIGRATIONS_SCHEMA && t.name === MIGRATIONS_TABLE;

  if (applied?.length) {
    const same =
      applied.length === header.migrations.length &&
      applied.every((m, i) => m.hash === header.migrations[i]?.hash && m.createdAt === header.migrations[i]?.createdAt);
    if (!same) {
      throw new BackupRefusedError(
        `Basis data tujuan sudah dimigrasi (${applied.length} migrasi), cadangan ini dari ${header.migrations.length} migrasi. ` +
          "Pulihkan ke basis data baru yang belum berisi tabel apa pun (PostgreSQL: createdb; PGlite: MUTU_DATA_DIR yang baru).",
      );
    }
    // Nobody writes while it is checked and cleared (an app running on the same PostgreSQL waits).
    await tx.execute(sql.raw(`lock table ${existing.map(qualified).join(", ")} in access exclusive mode`));
    const filled: string[] = [];
    for (const table of existing) {
      if (isMigrationsTable(table)) continue;
      const extra = (table.schema === "public" && FRESH_INSTALL_EXTRA_ROWS[table.name]) || "true";
      const [row] = await query<{ any: boolean }>(
        tx,
        sql.raw(`select exists (select from ${qualified(table)} where ${extra}) as any`),
      );
      if (row?.any) filled.push(tableLabel(table));
    }
    if (filled.length > 0) {
      throw new BackupRefusedError(
        `Basis data tujuan tidak kosong (ada data di ${filled.slice(0, 5).join(", ")}${filled.length > 5 ? ", …" : ""}). ` +
          "Pemulihan hanya ke basis data kosong, agar tidak ada data yang tertimpa: buat basis data baru (PostgreSQL: createdb) " +
          "atau pakai MUTU_DATA_DIR yang baru (PGlite). Tidak ada yang diubah.",
      );
    }
  } else {
    const other = existing.filter((t) => !isMigrationsTable(t));
    if (other.length > 0) {
      throw new BackupRefusedError(
        `Basis data tujuan berisi tabel yang bukan dari Mutu (${other.slice(0, 5).map(tableLabel).join(", ")}). ` +
          "Pulihkan ke basis data baru yang kosong. Tidak ada yang diubah.",
      );
    }
    // The schema as it was when the backup was made; the migrations table's rows come from the file.
    await tx.execute(sql.raw(`create schema if not exists ${ident(MIGRATIONS_SCHEMA)}`));
    await tx.execute(
      sql.raw(
        `create table if not exists ${migrationsTable} (id serial primary key, hash text not null, created_at bigint)`,
      ),
    );
    for (const migration of schemaMigrations) {
      for (const statement of migration.sql) await tx.execute(sql.raw(statement));
    }
  }
  // Rows the migrations and a fresh start wrote (teams, default templates) give way to the backup's.
  const all = await listTables(tx);
  await tx.execute(sql.raw(`truncate table ${all.map(qualified).join(", ")} restart identity`));
}
