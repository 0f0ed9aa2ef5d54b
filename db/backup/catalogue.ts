// What a database holds, read from PostgreSQL's catalogue (the same on PGlite), and the migrations this Mutu has.
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import packageJson from "../../package.json";
import type { Database } from "../client";
import { migrationsFolder } from "../migrations-folder";
import {
  type Column,
  ident,
  MIGRATIONS_SCHEMA,
  MIGRATIONS_TABLE,
  type Migration,
  qualified,
  query,
  type TableName,
  tableLabel,
} from "./format";

// Every table outside PostgreSQL's own schemas: the app's (public) and drizzle's migrations table.
const USER_SCHEMA = sql`n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'`;

export async function listTables(db: Database): Promise<TableName[]> {
  return query<TableName>(
    db,
    sql`select n.nspname as schema, c.relname as name
        from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p') and not c.relispartition and ${USER_SCHEMA}
        order by n.nspname, c.relname`,
  );
}

/** The tables in an order where every table comes after the tables its foreign keys point to. */
export async function dependencyOrder(db: Database, tables: TableName[]): Promise<TableName[]> {
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

export async function columnsOf(db: Database, table: TableName): Promise<Column[]> {
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

export async function primaryKeyOf(db: Database, table: TableName): Promise<string[]> {
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

export async function listSequences(db: Database): Promise<TableName[]> {
  return query<TableName>(
    db,
    sql`select n.nspname as schema, c.relname as name
        from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
        where c.relkind = 'S' and ${USER_SCHEMA}
        order by n.nspname, c.relname`,
  );
}

/** The migrations applied to the database, oldest first; null when it has no migrations table. */
export async function appliedMigrations(db: Database): Promise<Migration[] | null> {
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
export function codeMigrations(): CodeMigration[] {
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

export function mutuVersion(): string {
  // Imported rather than read from disk: the built command line sits elsewhere than the sources (decision 028).
  return packageJson.version;
}
