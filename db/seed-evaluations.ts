// Inserts the demo evaluations, period reviews and calibration sessions of fixtures/demo-evaluations.ts,
// with section scores computed by analytics/scoring.ts exactly as the app computes them.
import { and, eq, inArray } from "drizzle-orm";
import { importedReviewCph } from "../analytics/cph";
import type { ChannelCode } from "../analytics/organization";
import { periodOf, shiftPeriod } from "../analytics/period";
import {
  type ItemSection,
  type ItemValue,
  type SectionWeights,
  scoreEvaluation,
  sectionsOf,
} from "../analytics/scoring";
import { buildDemoEvaluations, DEMO_PERIODS, type DemoScore, type DemoVersion } from "../fixtures/demo-evaluations";
import type { StaffSeed } from "../fixtures/people";
import type { Database } from "./client";
import {
  calibrationParticipants,
  calibrationScores,
  calibrationSessions,
  evaluationRevisions,
  evaluationScores,
  evaluations,
  scorecardItems,
  scorecardTemplates,
  scorecardVersions,
  staff,
  teams,
} from "./schema";
import { agentPeriodKey, insertDemoCallStats } from "./seed-calls";

const CHUNK = 500;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

function score(
  version: DemoVersion & { weights: SectionWeights },
  sections: readonly ItemSection[],
  scores: DemoScore[],
) {
  const values = new Map<number, ItemValue>(scores.map((s) => [s.itemId, s.value]));
  const r = scoreEvaluation(version.items, values, version.weights, sections);
  return {
    hardskill: r.sections.hardskill ?? null,
    softskill: r.sections.softskill ?? null,
    kedisiplinan: r.sections.kedisiplinan ?? null,
    total: sections.includes("kedisiplinan") ? (r.sections.kedisiplinan ?? null) : r.total,
    criticalFailed: r.criticalFailed,
  };
}

export async function insertDemoEvaluations(
  tx: Database,
  input: {
    assessorUserIds: number[];
    coordinatorUserId: number;
    demoAgentId: number;
    demoAssessorUserId: number;
    now: Date;
    cphTargets: Record<ChannelCode, number>;
    staff: readonly StaffSeed[];
    staffIdByNip: ReadonlyMap<string, number>;
  },
): Promise<{ evaluations: number; calibrations: number }> {
  const published = await tx
    .select({ version: scorecardVersions, team: teams.code })
    .from(scorecardVersions)
    .innerJoin(scorecardTemplates, eq(scorecardTemplates.id, scorecardVersions.templateId))
    .innerJoin(teams, eq(teams.id, scorecardTemplates.teamId))
    .where(eq(scorecardVersions.status, "published"));
  const versions = await Promise.all(
    published.map(async ({ version, team }) => {
      const items = await tx.select().from(scorecardItems).where(eq(scorecardItems.versionId, version.id));
      return {
        id: version.id,
        team: team as DemoVersion["team"],
        usesCph: version.weightCph > 0,
        weights: {
          hardskill: version.weightHardskill,
          softskill: version.weightSoftskill,
          kedisiplinan: version.weightKedisiplinan,
          cph: version.weightCph,
        },
        items: items.map((i) => ({
          id: i.id,
          code: i.code,
          section: i.section as ItemSection,
          scale: i.scale as "1-5" | "ya_tidak",
          weight: i.weight,
          critical: i.critical,
          allowNa: i.allowNa,
        })),
      };
    }),
  );
  const agents = await tx
    .select({ id: staff.id, fullName: staff.fullName, team: teams.code })
    .from(staff)
    .innerJoin(teams, eq(teams.id, staff.teamId))
    .where(
      and(
        eq(staff.active, true),
        inArray(teams.code, ["layanan_informasi", "manajemen_layanan"]),
        inArray(staff.position, ["petugas_layanan", "ketua_tim"]),
      ),
    )
    .orderBy(staff.id);

  const demo = buildDemoEvaluations({
    ...input,
    agents: agents.map((a) => ({ ...a, team: a.team as DemoVersion["team"] })),
    versions,
  });
  const versionById = new Map(versions.map((v) => [v.id, v]));
  // The daily call statistics go in first: the period reviews take their CPH from them, as in the app.
  const pace = new Map(demo.paces.map((p) => [agentPeriodKey(p.agentStaffId, p.periodId), p.phoneCph]));
  const cphOf = await insertDemoCallStats(tx, {
    now: input.now,
    staff: input.staff,
    staffIdByNip: input.staffIdByNip,
    fromDay: shiftPeriod(periodOf(input.now).id, -(DEMO_PERIODS - 1)).firstDay,
    cphTargets: input.cphTargets,
    phoneCph: (staffId, periodId) => pace.get(agentPeriodKey(staffId, periodId)),
  });

  for (const e of demo.evaluations) {
    const version = versionById.get(e.versionId);
    if (!version) continue;
    const sections = sectionsOf(e.kind);
    const final = e.adjustedScores ?? e.scores;
    const imported = e.countsCph ? cphOf.get(agentPeriodKey(e.agentStaffId, e.periodId)) : undefined;
    const [row] = await tx
      .insert(evaluations)
      .values({
        kind: e.kind,
        versionId: e.versionId,
        agentStaffId: e.agentStaffId,
        assessorUserId: e.assessorUserId,
        periodId: e.periodId,
        channel: e.channel,
        interactionRef: e.interactionRef,
        interactionAt: e.interactionAt,
        state: e.state,
        note: e.note,
        ...score(version, sections, final),
        ...(imported ? importedReviewCph(imported) : {}),
        submittedAt: e.submittedAt,
        acknowledgedAt: e.acknowledgedAt,
        disputedAt: e.disputedAt,
        disputeReason: e.disputeReason,
        settledAt: e.settledAt,
        settledBy: e.settledBy,
        settlement: e.settlement,
        settlementNote: e.settlementNote,
        revision: e.state === "draft" ? 0 : e.adjustedScores ? 2 : 1,
        createdAt: e.interactionAt ?? e.submittedAt ?? input.now,
        updatedAt: e.settledAt ?? e.acknowledgedAt ?? e.disputedAt ?? e.submittedAt ?? input.now,
      })
      .returning({ id: evaluations.id });
    if (!row) throw new Error("insert returned nothing");
    await tx
      .insert(evaluationScores)
      .values(final.map((s) => ({ evaluationId: row.id, itemId: s.itemId, value: s.value, comment: s.comment })));
    if (e.state === "draft" || !e.submittedAt) continue;
    const revisions = [
      { revision: 1, reason: "submitted", scores: e.scores, at: e.submittedAt, by: e.assessorUserId, note: "" },
    ];
    if (e.adjustedScores && e.settledAt) {
      revisions.push({
        revision: 2,
        reason: "adjusted",
        scores: e.adjustedScores,
        at: e.settledAt,
        by: input.coordinatorUserId,
        note: e.settlementNote ?? "",
      });
    }
    await tx.insert(evaluationRevisions).values(
      revisions.map((r) => ({
        evaluationId: row.id,
        revision: r.revision,
        reason: r.reason,
        note: r.note,
        changedBy: r.by,
        changedAt: r.at,
        snapshot: {
          scores: r.scores.map((s) => ({ ...s, value: s.value ?? null })),
          ...score(version, sections, r.scores),
          note: e.note,
        },
      })),
    );
  }

  for (const c of demo.calibrations) {
    const [session] = await tx
      .insert(calibrationSessions)
      .values({
        title: c.title,
        versionId: c.versionId,
        channel: c.channel,
        interactionRef: c.interactionRef,
        interactionAt: c.interactionAt,
        periodId: c.periodId,
        state: c.closed ? "closed" : "open",
        createdBy: input.coordinatorUserId,
        createdAt: c.interactionAt,
        closedAt: c.closed ? new Date(c.interactionAt.getTime() + 5 * 24 * 3_600_000) : null,
      })
      .returning({ id: calibrationSessions.id });
    if (!session) throw new Error("insert returned nothing");
    await tx.insert(calibrationParticipants).values(
      c.participants.map((p) => ({
        sessionId: session.id,
        userId: p.userId,
        benchmark: p.benchmark,
        submittedAt: p.scores ? c.interactionAt : null,
      })),
    );
    const scored = c.participants.flatMap((p) =>
      (p.scores ?? []).map((s) => ({
        sessionId: session.id,
        userId: p.userId,
        itemId: s.itemId,
        value: s.value,
        comment: s.comment,
      })),
    );
    await insertChunked(scored, (chunk) => tx.insert(calibrationScores).values(chunk));
  }
  return { evaluations: demo.evaluations.length, calibrations: demo.calibrations.length };
}
