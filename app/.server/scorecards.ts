// Scorecard templates and their versions, as pages and the scoring code need them.
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { ItemSection, Scale, ScoredItem, SectionWeights } from "../../analytics/scoring";
import { scorecardItems, scorecardTemplates, scorecardVersions, teams } from "../../db/schema";
import { type Database, prepared } from "./db";

export type VersionItem = ScoredItem & {
  code: string;
  text: string;
  clause: string;
  guidance: string;
  levels: string[];
  position: number;
};

export type LoadedVersion = {
  id: number;
  templateId: number;
  templateName: string;
  teamId: number;
  teamName: string;
  version: number;
  status: string;
  description: string;
  weights: SectionWeights;
  items: VersionItem[];
  lockVersion: number;
  publishedAt: Date | null;
};

export function weightsOf(v: typeof scorecardVersions.$inferSelect): SectionWeights {
  return {
    hardskill: v.weightHardskill,
    softskill: v.weightSoftskill,
    kedisiplinan: v.weightKedisiplinan,
    cph: v.weightCph,
  };
}

function toVersionItem(row: typeof scorecardItems.$inferSelect): VersionItem {
  return {
    id: row.id,
    section: row.section as ItemSection,
    scale: row.scale as Scale,
    weight: row.weight,
    critical: row.critical,
    allowNa: row.allowNa,
    code: row.code,
    text: row.text,
    clause: row.clause,
    guidance: row.guidance,
    levels: row.levels,
    position: row.position,
  };
}

/** A version with its template, team and items (in order), or null. */
export async function loadVersion(db: Database, versionId: number): Promise<LoadedVersion | null> {
  const [row] = await db
    .select({ version: scorecardVersions, template: scorecardTemplates, teamName: teams.name })
    .from(scorecardVersions)
    .innerJoin(scorecardTemplates, eq(scorecardTemplates.id, scorecardVersions.templateId))
    .innerJoin(teams, eq(teams.id, scorecardTemplates.teamId))
    .where(eq(scorecardVersions.id, versionId));
  if (!row) return null;
  const items = await db
    .select()
    .from(scorecardItems)
    .where(eq(scorecardItems.versionId, versionId))
    .orderBy(asc(scorecardItems.position), asc(scorecardItems.id));
  return {
    id: row.version.id,
    templateId: row.template.id,
    templateName: row.template.name,
    teamId: row.template.teamId,
    teamName: row.teamName,
    version: row.version.version,
    status: row.version.status,
    description: row.version.description,
    weights: weightsOf(row.version),
    items: items.map(toVersionItem),
    lockVersion: row.version.lockVersion,
    publishedAt: row.version.publishedAt,
  };
}

// Once a version leaves draft its items, weights and names never change (edits go into a new draft), so the
// save path keeps them instead of reading ~15 item rows for every evaluation: per database handle, by id.
// Only its status moves on (published → retired), so a kept version carries none.
export type FrozenVersion = Readonly<Omit<LoadedVersion, "status">>;
const frozen = new WeakMap<Database, Map<number, FrozenVersion>>();
const FROZEN_KEPT = 200;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** A version's content (frozen: the object is shared), read once per process when it is not a draft. */
export async function frozenVersion(db: Database, versionId: number): Promise<FrozenVersion | null> {
  const kept = frozen.get(db) ?? new Map<number, FrozenVersion>();
  frozen.set(db, kept);
  const hit = kept.get(versionId);
  if (hit) return hit;
  const loaded = await loadVersion(db, versionId);
  if (!loaded) return null;
  const { status, ...content } = loaded;
  if (status === "draft") return content;
  if (kept.size >= FROZEN_KEPT) kept.delete(kept.keys().next().value ?? 0);
  kept.set(versionId, deepFreeze(content));
  return content;
}

/** The published version that applies to a team's staff, or null when the team has none. */
export async function publishedVersionForTeam(db: Database, teamId: number): Promise<LoadedVersion | null> {
  const query = prepared(db, "published-version", (d) =>
    d
      .select({ id: scorecardVersions.id })
      .from(scorecardVersions)
      .innerJoin(scorecardTemplates, eq(scorecardTemplates.id, scorecardVersions.templateId))
      .where(and(eq(scorecardTemplates.teamId, sql.placeholder("teamId")), eq(scorecardVersions.status, "published")))
      .orderBy(desc(scorecardVersions.publishedAt))
      .limit(1)
      .prepare("published_version"),
  );
  const [row] = await query.execute({ teamId });
  const content = row ? await frozenVersion(db, row.id) : null;
  return content ? { ...content, items: [...content.items], status: "published" } : null;
}

/** Every template with its versions, newest first. */
export async function listTemplates(db: Database) {
  const rows = await db
    .select({
      templateId: scorecardTemplates.id,
      name: scorecardTemplates.name,
      teamName: teams.name,
      versionId: scorecardVersions.id,
      version: scorecardVersions.version,
      status: scorecardVersions.status,
      publishedAt: scorecardVersions.publishedAt,
      weights: {
        hardskill: scorecardVersions.weightHardskill,
        softskill: scorecardVersions.weightSoftskill,
        kedisiplinan: scorecardVersions.weightKedisiplinan,
        cph: scorecardVersions.weightCph,
      },
    })
    .from(scorecardTemplates)
    .innerJoin(teams, eq(teams.id, scorecardTemplates.teamId))
    .innerJoin(scorecardVersions, eq(scorecardVersions.templateId, scorecardTemplates.id))
    .orderBy(asc(scorecardTemplates.id), desc(scorecardVersions.version));
  const templates = new Map<number, { id: number; name: string; teamName: string; versions: typeof rows }>();
  for (const row of rows) {
    const entry = templates.get(row.templateId) ?? {
      id: row.templateId,
      name: row.name,
      teamName: row.teamName,
      versions: [],
    };
    entry.versions.push(row);
    templates.set(row.templateId, entry);
  }
  return [...templates.values()];
}
