// Writing a backup: every table in dependency order, in primary-key order, through a cursor, then a checksum.
import { createHash } from "node:crypto";
import { once } from "node:events";
import type { Writable } from "node:stream";
import { sql } from "drizzle-orm";
import type { Database, DatabaseHandle } from "../client";
import {
  appliedMigrations,
  columnsOf,
  dependencyOrder,
  listSequences,
  listTables,
  mutuVersion,
  primaryKeyOf,
} from "./catalogue";
import {
  BackupRefusedError,
  type BackupSummary,
  BYTES_PER_STATEMENT,
  END_PREFIX,
  FIRST_LINE,
  ident,
  qualified,
  query,
  ROWS_PER_FETCH,
  SESSION_SETTINGS,
  sqlLiteral,
  type TableCount,
  type TableName,
  tableLabel,
  valueSql,
} from "./format";

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
