// Loads the demo data set (fixtures/demo.ts) into an empty database, in one transaction.
import { count, eq, sql } from "drizzle-orm";
import type { ChannelCode } from "../analytics/organization";
import { periodOfDay } from "../analytics/period";
import { DEFAULT_LEVELS } from "../analytics/scoring";
import { buildDemoData, staffOfDemoUser } from "../fixtures/demo";
import { buildDemoReview } from "../fixtures/demo-review";
import { DEFAULT_TEMPLATES } from "../fixtures/templates";
import type { Database } from "./client";
import {
  auditLog,
  ikuTargets,
  periods,
  reports,
  scorecardItems,
  scorecardTemplates,
  scorecardVersions,
  settings,
  staff,
  teams,
  users,
} from "./schema";
import { insertDemoCoaching } from "./seed-coaching";
import { insertDemoEvaluations } from "./seed-evaluations";
import { insertDemoFollowUps } from "./seed-reports";
import { insertDemoTraining, type PdfContent } from "./seed-training";
import { insertDemoWorkforce } from "./seed-workforce";

export const DEMO_SEEDED_KEY = "demo.seeded";

export class DatabaseNotEmptyError extends Error {
  override name = "DatabaseNotEmptyError";
}

/** True when the database holds no staff and no users (a fresh install). */
export async function isEmpty(db: Database): Promise<boolean> {
  const [s] = await db.select({ n: count() }).from(staff);
  const [u] = await db.select({ n: count() }).from(users);
  return (s?.n ?? 0) === 0 && (u?.n ?? 0) === 0;
}

export async function isDemoSeeded(db: Database): Promise<boolean> {
  const [row] = await db.select().from(settings).where(eq(settings.key, DEMO_SEEDED_KEY));
  return row?.value === true;
}

/**
 * Inserts the demo staff and one user per role. `passwordHash` is the argon2id hash of the demo password
 * (the caller hashes, so this module stays free of the app's password code).
 * Refuses a database that already has staff or users: demo data never mixes with real data.
 */
export async function seedDemo(
  db: Database,
  passwordHash: string,
  options: {
    now: Date;
    cphTargets: Record<ChannelCode, number>;
    evaluations: boolean;
    /** Makes the demo certificates' PDFs; without it no certificates are issued. */
    makePdf?: (content: PdfContent) => Promise<Uint8Array>;
  },
): Promise<{ staff: number; users: number; evaluations: number }> {
  const data = buildDemoData();
  return db.transaction(async (tx) => {
    if (!(await isEmpty(tx))) {
      throw new DatabaseNotEmptyError(
        "Basis data sudah berisi staf atau pengguna; data demo hanya dimuat ke basis data yang kosong.",
      );
    }
    const teamRows = await tx.select().from(teams);
    const teamId = new Map(teamRows.map((t) => [t.code, t.id]));
    const inserted = await tx
      .insert(staff)
      .values(
        data.staff.map((s) => {
          const id = teamId.get(s.team);
          if (id === undefined) throw new Error(`Tim ${s.team} belum ada: jalankan migrasi terlebih dahulu.`);
          return { ...s, teamId: id };
        }),
      )
      .returning({ id: staff.id, nip: staff.nip });
    const staffIdByNip = new Map(inserted.map((r) => [r.nip, r.id]));

    const userRows = data.users.map((u) => {
      const person = staffOfDemoUser(data, u);
      return {
        username: u.username,
        displayName: u.displayName ?? person?.fullName ?? u.username,
        passwordHash,
        roles: u.roles,
        staffId: person ? staffIdByNip.get(person.nip) : undefined,
      };
    });
    const created = await tx
      .insert(users)
      .values(userRows)
      .returning({ id: users.id, username: users.username, staffId: users.staffId, roles: users.roles });
    const idOf = (username: string) => created.find((u) => u.username === username);
    const demoAgent = idOf("petugas")?.staffId;
    const coordinator = idOf("koordinator")?.id;
    const assessor = idOf("penilai")?.id;
    if (!demoAgent || !coordinator || !assessor) throw new Error("demo users incomplete");
    const seeded = options.evaluations
      ? await insertDemoEvaluations(tx, {
          assessorUserIds: created
            .filter((u) => u.roles.includes("penilai") || u.roles.includes("koordinator_qa"))
            .map((u) => u.id),
          coordinatorUserId: coordinator,
          demoAgentId: demoAgent,
          demoAssessorUserId: assessor,
          now: options.now,
          cphTargets: options.cphTargets,
          staff: data.staff,
          staffIdByNip,
        })
      : { evaluations: 0 };
    const kasi = idOf("kasi")?.id ?? coordinator;
    if (options.evaluations && options.makePdf) {
      await insertDemoTraining(tx, { now: options.now, recordedBy: kasi, issuedBy: kasi, makePdf: options.makePdf });
    }
    if (options.evaluations) {
      const review = buildDemoReview(options.now);
      await tx.insert(ikuTargets).values(review.targets.map((t) => ({ ...t, setBy: kasi })));
      const filed = await tx
        .insert(reports)
        .values(
          review.reports.map(({ author, ...r }) => ({
            ...r,
            periodId: periodOfDay(r.reportDate).id,
            authorUserId: idOf(author)?.id ?? coordinator,
          })),
        )
        .returning({ id: reports.id, authorUserId: reports.authorUserId, reportDate: reports.reportDate });
      await insertDemoFollowUps(tx, filed, review.followUps, { kasi, idOf: (u) => idOf(u)?.id ?? coordinator });
      await tx
        .insert(periods)
        .values(
          review.approvedPeriods.map((id) => ({ id, status: "approved", approvedBy: kasi, approvedAt: options.now })),
        );
      await insertDemoWorkforce(tx, { now: options.now, staff: data.staff, staffIdByNip });
      await insertDemoCoaching(tx, {
        now: options.now,
        agentStaffId: demoAgent,
        agentUserId: idOf("petugas")?.id ?? coordinator,
        assessorUserId: assessor,
        coordinatorUserId: coordinator,
      });
    }
    await tx.insert(settings).values({ key: DEMO_SEEDED_KEY, value: true });
    await tx.insert(auditLog).values({
      actorLabel: "sistem",
      action: "seed_demo",
      entity: "database",
      after: { staff: inserted.length, users: userRows.length, evaluations: seeded.evaluations },
    });
    return { staff: inserted.length, users: userRows.length, evaluations: seeded.evaluations };
  });
}

// Any constant, other than db/client.ts's migration lock.
const DEFAULT_TEMPLATES_LOCK_KEY = 71_652_015;

/**
 * Inserts the default scorecard templates of the regulation as published version 1, when the database has
 * no template at all (a new install); otherwise does nothing. Returns how many templates it inserted.
 */
export async function ensureDefaultTemplates(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    // Several instances starting at once on a new database: one inserts, the others wait and then find them.
    await tx.execute(sql`select pg_advisory_xact_lock(${DEFAULT_TEMPLATES_LOCK_KEY})`);
    const [existing] = await tx.select({ n: count() }).from(scorecardTemplates);
    if ((existing?.n ?? 0) > 0) return 0;
    const teamId = new Map((await tx.select().from(teams)).map((t) => [t.code, t.id]));
    for (const seed of DEFAULT_TEMPLATES) {
      const team = teamId.get(seed.team);
      if (team === undefined) throw new Error(`Tim ${seed.team} belum ada: jalankan migrasi terlebih dahulu.`);
      const [template] = await tx.insert(scorecardTemplates).values({ name: seed.name, teamId: team }).returning();
      if (!template) throw new Error("insert returned nothing");
      const [version] = await tx
        .insert(scorecardVersions)
        .values({
          templateId: template.id,
          version: 1,
          status: "published",
          description: seed.description,
          weightHardskill: seed.weights.hardskill,
          weightSoftskill: seed.weights.softskill,
          weightKedisiplinan: seed.weights.kedisiplinan,
          weightCph: seed.weights.cph,
          publishedAt: new Date(),
        })
        .returning();
      if (!version) throw new Error("insert returned nothing");
      await tx.insert(scorecardItems).values(
        seed.items.map((item, position) => ({
          versionId: version.id,
          position,
          code: item.code,
          section: item.section,
          text: item.text,
          clause: item.clause,
          scale: item.scale,
          weight: item.weight,
          allowNa: item.allowNa ?? false,
          critical: item.critical ?? false,
          guidance: item.guidance ?? "",
          levels: item.scale === "1-5" ? (item.levels ?? DEFAULT_LEVELS) : [],
        })),
      );
      await tx.insert(auditLog).values({
        actorLabel: "sistem",
        action: "create",
        entity: "scorecard_version",
        entityId: String(version.id),
        after: { template: seed.name, version: 1, items: seed.items.length },
      });
    }
    return DEFAULT_TEMPLATES.length;
  });
}
