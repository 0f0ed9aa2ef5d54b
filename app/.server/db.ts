import { type Database, getDatabase } from "../../db/client";

export type { Database };

/** The process's database for loaders and actions. */
export async function database(): Promise<Database> {
  return (await getDatabase()).db;
}
