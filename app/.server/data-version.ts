// What a process may hold in memory without holding stale data (docs/decisions/029): a topic's version row
// (data_versions) moves at the commit of every change to the tables its readers read — triggers of migration
// 0014, whichever process, command or person wrote — so a value held under the key read before computing it is
// true for as long as the key read now is the same. Reading the key is one small prepared query.
import { eq, sql } from "drizzle-orm";
import { dataVersions } from "../../db/schema";
import { type Database, prepared } from "./db";

/** kpi: evaluations, staff, teams, template versions, certificates, settings, periods. certification: staff, teams, training records and courses, capability decisions, certificates, settings. */
export type DataTopic = "kpi" | "certification";

/**
 * The key of a topic's data now: its counter and the row version (xmin), which is new after every update and
 * after a restore, so a key never comes back. Null when the row is missing: then nothing may be held.
 */
export async function dataVersionKey(db: Database, topic: DataTopic): Promise<string | null> {
  const query = prepared(db, `data-version-${topic}`, (d) =>
    d
      .select({ key: sql<string>`${dataVersions.version}::text || ':' || ${dataVersions}.xmin::text` })
      .from(dataVersions)
      .where(eq(dataVersions.topic, topic))
      .prepare(`data_version_${topic}`),
  );
  const [row] = await query.execute();
  return row?.key ?? null;
}

/**
 * Values computed from a topic's data, held per key (at most `size`, the least recently used going first) while
 * the topic's version does not move. Held values are shared by every caller: they are read, never changed.
 */
export class HeldWhileUnchanged<T> {
  // Per database: a version is one database's (test files share a process, each with its own database).
  private readonly byDatabase = new WeakMap<Database, Map<string, { version: string; value: T }>>();

  constructor(
    private readonly topic: DataTopic,
    private readonly size: number,
  ) {}

  async get(db: Database, key: string, compute: () => Promise<T>): Promise<T> {
    const version = await dataVersionKey(db, this.topic);
    const values = this.byDatabase.get(db) ?? new Map<string, { version: string; value: T }>();
    this.byDatabase.set(db, values);
    const found = values.get(key);
    if (version !== null && found?.version === version) {
      values.delete(key);
      values.set(key, found);
      return found.value;
    }
    const value = await compute();
    if (version === null) return value;
    values.delete(key);
    values.set(key, { version, value });
    if (values.size > this.size) values.delete(values.keys().next().value as string);
    return value;
  }
}
