// Restoring a checked backup into an empty database: its migrations, its rows, its sequences, then this Mutu's
// newer migrations, in one transaction.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database, DatabaseHandle } from "../client";
import { appliedMigrations, type CodeMigration, codeMigrations, listTables } from "./catalogue";
import {
  type BackupHeader,
  BackupRefusedError,
  END_PREFIX,
  FRESH_INSTALL_EXTRA_ROWS,
  ident,
  MIGRATIONS_SCHEMA,
  MIGRATIONS_TABLE,
  qualified,
  query,
  type RestoreSummary,
  SESSION_SETTINGS,
  type TableCount,
  type TableName,
  tableLabel,
} from "./format";
import { type BackupContents, damaged, fileLines, inspectBackup, parseQualified, TABLE_LINE } from "./read";

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
    // The rows come back as they were, the data versions (data_versions) too: their triggers are told the change
    // is recorded already (migration 0014). A server holding figures still sees new data: a restored row is a
    // new row version, and the key of what is held includes it (docs/decisions/029).
    for (const topic of ["kpi", "certification"]) {
      await tx.execute(sql.raw(`select set_config('mutu.data_changed_${topic}', 'yes', true)`));
    }
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
