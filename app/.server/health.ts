import { sql } from "drizzle-orm";
import { database } from "./db";

export async function checkHealth(): Promise<boolean> {
  try {
    const db = await database();
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
