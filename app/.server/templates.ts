// Editing scorecard templates (koordinator_qa): drafts change, published versions never do. Publishing
// retires the previously published version of the template; editing a published one starts a new draft.
import { and, count, eq, max } from "drizzle-orm";
import {
  DEFAULT_LEVELS,
  ITEM_SECTIONS,
  type ItemSection,
  type Scale,
  SECTIONS,
  sectionWeightsProblem,
} from "../../analytics/scoring";
import { evaluations, scorecardItems, scorecardTemplates, scorecardVersions, teams } from "../../db/schema";
import { can, type Role } from "../permissions";
import { type Actor, recordAudit } from "./audit";
import type { Database } from "./db";
import { InvalidInput, notFound, UserFacingError } from "./errors";
import { listTemplates, loadVersion } from "./scorecards";
import { listTeams } from "./staff";

const STALE =
  "Draf ini telah diubah oleh pengguna lain sejak Anda membukanya. Perubahan Anda belum disimpan: muat ulang halaman lalu ulangi.";

/** A draft's section weights (whole percent, summing to 100) and description, as last seen (`lockVersion`). */
export type WeightsInput = {
  weightHardskill: number;
  weightSoftskill: number;
  weightKedisiplinan: number;
  weightCph: number;
  description: string;
  lockVersion: number;
};

/**
 * An item of a draft: a new one when `itemId` is absent. `weight` is in percent of its section (0 for a critical
 * item); `levels` are the five level descriptions of a 1–5 item, empty for the default ones.
 */
export type ItemInput = {
  itemId?: number;
  section: ItemSection;
  code: string;
  text: string;
  clause: string;
  scale: Scale;
  weight: number;
  allowNa: boolean;
  critical: boolean;
  guidance: string;
  levels: string[];
  lockVersion: number;
};

export type NewTemplateInput = { name: string; teamId: number };

async function draftForUpdate(db: Database, versionId: number, lockVersion: number) {
  const [version] = await db.select().from(scorecardVersions).where(eq(scorecardVersions.id, versionId)).for("update");
  if (!version) throw new UserFacingError("Versi template tidak ditemukan.");
  if (version.status !== "draft") {
    throw new UserFacingError("Versi ini sudah terbit dan tidak dapat diubah. Buat versi baru untuk mengubahnya.");
  }
  if (version.lockVersion !== lockVersion) throw new UserFacingError(STALE);
  await db
    .update(scorecardVersions)
    .set({ lockVersion: version.lockVersion + 1 })
    .where(eq(scorecardVersions.id, versionId));
  return version;
}

export async function updateWeights(db: Database, actor: Actor, versionId: number, input: WeightsInput) {
  await db.transaction(async (tx) => {
    const before = await draftForUpdate(tx, versionId, input.lockVersion);
    const { lockVersion: _lock, ...fields } = input;
    await tx.update(scorecardVersions).set(fields).where(eq(scorecardVersions.id, versionId));
    await recordAudit(tx, actor, {
      action: "update",
      entity: "scorecard_version",
      entityId: versionId,
      before: {
        hardskill: before.weightHardskill,
        softskill: before.weightSoftskill,
        kedisiplinan: before.weightKedisiplinan,
        cph: before.weightCph,
      },
      after: fields,
    });
  });
}

/** Adds an item (no itemId) or changes one, in a draft. */
export async function saveItem(db: Database, actor: Actor, versionId: number, input: ItemInput) {
  await db.transaction(async (tx) => {
    await draftForUpdate(tx, versionId, input.lockVersion);
    const [clash] = await tx
      .select({ id: scorecardItems.id })
      .from(scorecardItems)
      .where(and(eq(scorecardItems.versionId, versionId), eq(scorecardItems.code, input.code)));
    if (clash && clash.id !== input.itemId)
      throw new InvalidInput({ code: `Kode ${input.code} sudah dipakai butir lain di versi ini.` });
    const fields = {
      section: input.section,
      code: input.code,
      text: input.text,
      clause: input.clause,
      scale: input.scale,
      weight: input.weight,
      allowNa: input.critical ? false : input.allowNa,
      critical: input.critical,
      guidance: input.guidance,
      levels: input.scale === "1-5" ? (input.levels.length === 5 ? input.levels : DEFAULT_LEVELS) : [],
    };
    if (input.itemId) {
      const [before] = await tx
        .select()
        .from(scorecardItems)
        .where(and(eq(scorecardItems.id, input.itemId), eq(scorecardItems.versionId, versionId)));
      if (!before) throw new UserFacingError("Butir ini tidak ditemukan di draf.");
      await tx.update(scorecardItems).set(fields).where(eq(scorecardItems.id, input.itemId));
      await recordAudit(tx, actor, {
        action: "update",
        entity: "scorecard_item",
        entityId: input.itemId,
        before,
        after: fields,
      });
    } else {
      const [last] = await tx
        .select({ n: max(scorecardItems.position) })
        .from(scorecardItems)
        .where(eq(scorecardItems.versionId, versionId));
      const [created] = await tx
        .insert(scorecardItems)
        .values({ ...fields, versionId, position: (last?.n ?? -1) + 1 })
        .returning({ id: scorecardItems.id });
      if (!created) throw new Error("insert returned nothing");
      await recordAudit(tx, actor, {
        action: "create",
        entity: "scorecard_item",
        entityId: created.id,
        after: fields,
      });
    }
  });
}

export async function removeItem(db: Database, actor: Actor, versionId: number, itemId: number, lockVersion: number) {
  await db.transaction(async (tx) => {
    await draftForUpdate(tx, versionId, lockVersion);
    const [gone] = await tx
      .delete(scorecardItems)
      .where(and(eq(scorecardItems.id, itemId), eq(scorecardItems.versionId, versionId)))
      .returning();
    if (!gone) throw new UserFacingError("Butir ini tidak ditemukan di draf.");
    await recordAudit(tx, actor, { action: "delete", entity: "scorecard_item", entityId: itemId, before: gone });
  });
}

/** What keeps a draft from being published, as sentences; empty when it can be. */
export function publishProblems(version: NonNullable<Awaited<ReturnType<typeof loadVersion>>>): string[] {
  const problems: string[] = [];
  const weightProblem = sectionWeightsProblem(version.weights);
  if (weightProblem) problems.push(weightProblem);
  for (const section of ITEM_SECTIONS) {
    const weighted = version.items.filter((i) => i.section === section && !i.critical && i.weight > 0);
    if (version.weights[section] > 0 && weighted.length === 0) {
      problems.push(`Bagian ${section} berbobot ${version.weights[section]}% tetapi belum memiliki butir berbobot.`);
    }
  }
  if (!SECTIONS.some((s) => version.weights[s] > 0)) problems.push("Paling sedikit satu bagian harus berbobot.");
  // Every item traceable to the regulation (issue 13): the KPI workbook's "Rincian Item" names each item's clause.
  for (const item of version.items) {
    if (!item.clause.trim()) {
      problems.push(
        `Butir ${item.code} belum menyebut pasal KEP-165/BC/2014 asalnya. Isi kolom "Dasar (butir KEP-165/BC/2014)", misalnya 2.1.1.`,
      );
    }
  }
  return problems;
}

export async function publishDraft(
  db: Database,
  actor: Actor & { id: number },
  versionId: number,
  lockVersion: number,
) {
  await db.transaction(async (tx) => {
    await draftForUpdate(tx, versionId, lockVersion);
    const version = await loadVersion(tx, versionId);
    if (!version) throw new UserFacingError("Versi template tidak ditemukan.");
    const problems = publishProblems(version);
    if (problems.length > 0) throw new UserFacingError(`Belum dapat diterbitkan: ${problems.join(" ")}`);
    const now = new Date();
    await tx
      .update(scorecardVersions)
      .set({ status: "retired", retiredAt: now })
      .where(and(eq(scorecardVersions.templateId, version.templateId), eq(scorecardVersions.status, "published")));
    await tx
      .update(scorecardVersions)
      .set({ status: "published", publishedAt: now, publishedBy: actor.id })
      .where(eq(scorecardVersions.id, versionId));
    await recordAudit(tx, actor, {
      action: "publish",
      entity: "scorecard_version",
      entityId: versionId,
      after: { template: version.templateName, version: version.version, items: version.items.length },
    });
  });
}

/** A new draft copied from the template's latest version; refuses when a draft already exists. */
export async function startDraft(db: Database, actor: Actor & { id: number }, templateId: number): Promise<number> {
  return db.transaction(async (tx) => {
    const versions = await tx.select().from(scorecardVersions).where(eq(scorecardVersions.templateId, templateId));
    if (versions.length === 0) throw new UserFacingError("Template tidak ditemukan.");
    const draft = versions.find((v) => v.status === "draft");
    if (draft)
      throw new UserFacingError(`Template ini sudah memiliki draf (versi ${draft.version}); lanjutkan draf itu.`);
    const latest = versions.reduce((a, b) => (b.version > a.version ? b : a));
    const [created] = await tx
      .insert(scorecardVersions)
      .values({
        templateId,
        version: latest.version + 1,
        status: "draft",
        description: latest.description,
        weightHardskill: latest.weightHardskill,
        weightSoftskill: latest.weightSoftskill,
        weightKedisiplinan: latest.weightKedisiplinan,
        weightCph: latest.weightCph,
        createdBy: actor.id,
      })
      .returning({ id: scorecardVersions.id });
    if (!created) throw new Error("insert returned nothing");
    const items = await tx.select().from(scorecardItems).where(eq(scorecardItems.versionId, latest.id));
    if (items.length > 0) {
      await tx
        .insert(scorecardItems)
        .values(items.map(({ id: _id, versionId: _v, ...rest }) => ({ ...rest, versionId: created.id })));
    }
    await recordAudit(tx, actor, {
      action: "create",
      entity: "scorecard_version",
      entityId: created.id,
      after: { templateId, version: latest.version + 1, copiedFrom: latest.version },
    });
    return created.id;
  });
}

/** Deletes a draft version that no evaluation uses (drafts cannot be used by evaluations anyway). */
export async function discardDraft(db: Database, actor: Actor, versionId: number, lockVersion: number) {
  await db.transaction(async (tx) => {
    const version = await draftForUpdate(tx, versionId, lockVersion);
    const [used] = await tx.select({ n: count() }).from(evaluations).where(eq(evaluations.versionId, versionId));
    if ((used?.n ?? 0) > 0) throw new UserFacingError("Versi ini sudah dipakai evaluasi dan tidak dapat dihapus.");
    await tx.delete(scorecardVersions).where(eq(scorecardVersions.id, versionId));
    await recordAudit(tx, actor, {
      action: "delete",
      entity: "scorecard_version",
      entityId: versionId,
      before: version,
    });
  });
}

/** A new template for a team, starting as an empty draft version 1 with the default section weights. */
export async function createTemplate(db: Database, actor: Actor & { id: number }, input: NewTemplateInput) {
  return db.transaction(async (tx) => {
    const [team] = await tx.select().from(teams).where(eq(teams.id, input.teamId));
    if (!team) throw new UserFacingError("Tim tidak ditemukan.", "teamId");
    // One template per team, so that which scorecard applies to a person is never ambiguous.
    const [existing] = await tx.select().from(scorecardTemplates).where(eq(scorecardTemplates.teamId, team.id));
    if (existing) {
      throw new UserFacingError(
        `${team.name} sudah memiliki template "${existing.name}": buat versi baru dari template itu.`,
        "teamId",
      );
    }
    const [template] = await tx.insert(scorecardTemplates).values(input).returning();
    if (!template) throw new Error("insert returned nothing");
    const [version] = await tx
      .insert(scorecardVersions)
      .values({
        templateId: template.id,
        version: 1,
        status: "draft",
        weightHardskill: 40,
        weightSoftskill: 30,
        weightKedisiplinan: 20,
        weightCph: 10,
        createdBy: actor.id,
      })
      .returning({ id: scorecardVersions.id });
    if (!version) throw new Error("insert returned nothing");
    await recordAudit(tx, actor, {
      action: "create",
      entity: "scorecard_template",
      entityId: template.id,
      after: input,
    });
    return version.id;
  });
}

/** The version page: the version, whether this user may edit it (a draft, to a manager), what blocks publishing. */
export async function versionPage(db: Database, versionId: number, roles: readonly Role[]) {
  const version = await loadVersion(db, versionId);
  if (!version) notFound("Versi template ini tidak ditemukan.");
  const canManage = can(roles, "manage:template");
  const editable = version.status === "draft" && canManage;
  return { version, editable, canManage, problems: editable ? publishProblems(version) : [] };
}

/** The templates page: every template with its versions, and the teams a new one may be made for. */
export async function templatesPage(db: Database, roles: readonly Role[]) {
  return { templates: await listTemplates(db), teams: await listTeams(db), canManage: can(roles, "manage:template") };
}
