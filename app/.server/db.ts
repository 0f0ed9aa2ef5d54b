import { type Database, getDatabase } from "../../db/client";

export type { Database };

/** The process's database for loaders and actions. */
export async function database(): Promise<Database> {
  return (await getDatabase()).db;
}

// The queries of every request (settings, session) and of the save path are built once per database and sent
// as prepared statements: drizzle does not rebuild their SQL each time, nor PostgreSQL re-plan them. On a
// transaction (`tx`) they are built once for that transaction.
const preparedByDatabase = new WeakMap<Database, Map<string, unknown>>();

export function prepared<T>(db: Database, name: string, build: (db: Database) => T): T {
  const built = preparedByDatabase.get(db) ?? new Map<string, unknown>();
  preparedByDatabase.set(db, built);
  if (!built.has(name)) built.set(name, build(db));
  return built.get(name) as T;
}
