// The one way to reach the database. PostgreSQL through postgres.js when DATABASE_URL is set, otherwise
// PGlite (embedded PostgreSQL) stored under MUTU_DATA_DIR (default .data/). One Drizzle schema serves both.
import { once } from "node:events";
import { mkdirSync } from "node:fs";
import { connect as connectTcp, type Socket } from "node:net";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { lockDirectory } from "./lock";
import { migrationsFolder } from "./migrations-folder";
import * as schema from "./schema";

export type Schema = typeof schema;
/** A database or a transaction: query functions take this first, so a transaction can pass `tx`. */
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type DatabaseHandle = {
  db: Database;
  kind: "postgres" | "pglite";
  /** Where the data lives, without credentials (safe to print). */
  location: string;
  /** The embedded client itself (PGlite only), for dumping and loading its data directory. */
  pglite?: PGlite;
  /** Applies the committed migrations in db/migrations that are not applied yet. */
  migrate(): Promise<void>;
  close(): Promise<void>;
};

// Any constant: serialises migrations when several instances start against one PostgreSQL at once.
const MIGRATION_LOCK_KEY = 71_652_014;

export { DatabaseLockedError } from "./lock";

export function dataDir(): string {
  return path.resolve(process.env.MUTU_DATA_DIR ?? ".data");
}

/**
 * The embedded database's settings beyond PostgreSQL's defaults. shared_buffers 32 MB instead of 128: PGlite sets
 * its buffers up in WebAssembly memory on every start, and 128 MB made each start (every `npm run mutu` command,
 * every server start) about half a second slower. An embedded database holds a small center's data (the demo is
 * ~10 MB) and its reads go through the operating system's file cache anyway (decision 031).
 */
const PGLITE_SETTINGS = ["shared_buffers = 32MB"];

/** Opens PostgreSQL when `url` is given, otherwise PGlite in `pgliteDir` (in memory when `pgliteDir` is null). */
export async function openDatabase(options: {
  url?: string;
  pgliteDir?: string | null;
  pgliteLoad?: Blob;
}): Promise<DatabaseHandle> {
  // Each driver is loaded only when used: the command line on PostgreSQL then starts without PGlite's.
  if (options.url) {
    const { drizzle: drizzlePostgres } = await import("drizzle-orm/postgres-js");
    const client = connectPostgres(options.url, {
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      onnotice: () => {},
      // Let a failing database show as "service unavailable" quickly instead of hanging requests.
      connect_timeout: 10,
    });
    // JSON comes back as text, as drizzle expects (it parses it itself): otherwise a JSON string that looks
    // like a number, such as a NIP, is parsed twice and turns into a rounded number.
    for (const oid of [114, 3802]) client.options.parsers[oid] = (text: string) => text;
    const url = options.url;
    const db = drizzlePostgres(client, { schema, casing: "snake_case" }) as unknown as Database;
    return {
      db,
      kind: "postgres",
      location: describeUrl(url),
      migrate: () => migratePostgresLocked(url),
      close: () => client.end({ timeout: 5 }),
    };
  }

  const [{ PGlite: PGliteClient, types }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("drizzle-orm/pglite"),
    import("drizzle-orm/pglite/migrator"),
  ]);
  const dir = options.pgliteDir ?? null;
  if (dir) mkdirSync(dir, { recursive: true });
  const release = dir ? lockDirectory(dir) : () => {}; // one process at a time (lock.ts)
  try {
    // JSON comes back as text, as drizzle expects (it parses it itself): otherwise a JSON string that looks
    // like a number, such as a NIP, is parsed twice and turns into a rounded number.
    const parsers = { [types.JSON]: (text: string) => text, [types.JSONB]: (text: string) => text };
    const settings = { loadDataDir: options.pgliteLoad, parsers, postgresqlconf: PGLITE_SETTINGS };
    const client = dir ? new PGliteClient(dir, settings) : new PGliteClient(settings);
    await client.waitReady;
    const pgliteDb = drizzlePglite(client, { schema, casing: "snake_case" });
    let closed = false;
    return {
      db: pgliteDb as unknown as Database,
      kind: "pglite",
      pglite: client,
      location: dir ?? "memori",
      migrate: () => migratePglite(pgliteDb, { migrationsFolder }),
      close: async () => {
        if (closed) return;
        closed = true;
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** On one dedicated connection, so the advisory lock and the migration share a session. */
async function migratePostgresLocked(url: string): Promise<void> {
  const [{ drizzle: drizzlePostgres }, { migrate: migratePostgres }] = await Promise.all([
    import("drizzle-orm/postgres-js"),
    import("drizzle-orm/postgres-js/migrator"),
  ]);
  const client = connectPostgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(drizzlePostgres(client, { casing: "snake_case" }), { migrationsFolder });
    await client`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
  } finally {
    await client.end({ timeout: 5 });
  }
}

/**
 * postgres.js on a connection URL, which may name a Unix-socket directory the way libpq does
 * (`postgres://mutu@localhost/mutu?host=/var/run/postgresql`): with PostgreSQL on the same machine the socket
 * costs less per statement than TCP on loopback.
 */
export function connectPostgres(url: string, options: postgres.Options<Record<string, postgres.PostgresType>> = {}) {
  const parsed = new URL(url);
  const socketDir = parsed.searchParams.get("host");
  if (!socketDir?.startsWith("/")) return postgres(url, { ...options, socket: tcpWithoutDelay } as typeof options);
  parsed.searchParams.delete("host"); // otherwise sent to the server as a setting it does not know
  return postgres(parsed.toString(), { ...options, host: socketDir });
}

/**
 * A TCP connection to the server with Nagle's algorithm off (TCP_NODELAY), as libpq opens its connections.
 * postgres.js leaves it on, and then a message written right after another waits for the server to acknowledge the
 * first, which it delays by up to 40 ms: every COPY's closing message did (an import's chunk, a test's preview),
 * ~100 ms a COPY on this machine instead of ~5. postgres.js calls this (its `socket` option, not in its types)
 * with its parsed options for each connection it opens; the hosts of the URL are tried in order.
 */
async function tcpWithoutDelay(options: { host: string[]; port: number[]; connect_timeout?: number }): Promise<Socket> {
  let lastError: unknown;
  for (const [i, host] of options.host.entries()) {
    const port = options.port[i] ?? options.port[0] ?? 5432;
    const socket = connectTcp({ host, port, noDelay: true });
    try {
      // postgres.js times the connection only once the socket is handed to it: connect_timeout is kept here.
      await once(socket, "connect", { signal: AbortSignal.timeout((options.connect_timeout ?? 30) * 1000) });
      return socket;
    } catch (error) {
      socket.destroy();
      lastError =
        error instanceof Error && error.name === "AbortError"
          ? Object.assign(new Error(`write CONNECT_TIMEOUT ${host}:${port}`), { code: "CONNECT_TIMEOUT" })
          : error;
    }
  }
  throw lastError;
}

function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    const socket = u.searchParams.get("host")?.startsWith("/") ? ` (soket ${u.searchParams.get("host")})` : "";
    return `postgresql://${u.hostname}${u.port ? `:${u.port}` : ""}${u.pathname}${socket}`;
  } catch {
    return "postgresql";
  }
}

// One handle per process, kept on globalThis so that the dev server's module reloads and a second copy of
// this module (the server entry and the Remix build each bundle it) share it instead of opening PGlite twice.
const globalKey = Symbol.for("mutu.database");
type GlobalWithDb = typeof globalThis & { [globalKey]?: Promise<DatabaseHandle> };

/** The process's database, opened on first use from DATABASE_URL or MUTU_DATA_DIR. */
export function getDatabase(): Promise<DatabaseHandle> {
  const g = globalThis as GlobalWithDb;
  g[globalKey] ??= openDatabase({
    url: process.env.DATABASE_URL || undefined,
    pgliteDir: path.join(dataDir(), "pglite"),
  }).catch((error) => {
    g[globalKey] = undefined;
    throw error;
  });
  return g[globalKey];
}

/** Makes `handle` the process's database (tests, and the CLI when it opens a specific database). */
export function setProcessDatabase(handle: DatabaseHandle): void {
  (globalThis as GlobalWithDb)[globalKey] = Promise.resolve(handle);
}

export async function closeDatabase(): Promise<void> {
  const g = globalThis as GlobalWithDb;
  const pending = g[globalKey];
  g[globalKey] = undefined;
  if (pending) await (await pending).close();
}
