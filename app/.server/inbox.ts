// The work inbox of the home page (and its count in the navigation): for each role the user holds, what waits
// for them, each line leading to the page where it is done, deadlines in WIB, overdue first
// (analytics/inbox.ts). Every count is the count of the page the group links to, with the same scope.
import { aliasedTable, and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import { formatInstantWib } from "../../analytics/dates";
import { dueWords, type InboxGroup, isOverdue, waitedWords } from "../../analytics/inbox";
import { periodFromId, periodOf, shiftPeriod } from "../../analytics/period";
import type { Role } from "../../analytics/roles";
import {
  calibrationParticipants,
  calibrationSessions,
  evaluations,
  scorecardTemplates,
  scorecardVersions,
  staff,
  users,
} from "../../db/schema";
import { can } from "../permissions";
import { periodCoverage } from "./coverage";
import type { Database } from "./db";
import { evaluationsInScope } from "./evaluation-queries";
import { disputeDeadline } from "./evaluation-workflow";
import { coachingWork } from "./inbox-coaching";
import { DAY_MS, group, type InboxContext } from "./inbox-group";
import { headWork, importAndTrainingWork, reportWork } from "./inbox-office";
import { periodKpiReport } from "./period-kpi";
import { type Access, accessFor } from "./scope";
import type { Settings } from "./settings";

const PERIOD_END_DAYS = 7;

const agentStaff = aliasedTable(staff, "inbox_agent");

const evaluationWords = (kind: string, interactionAt: Date | null, periodId: string) =>
  kind === "period_review"
    ? `penilaian ${periodFromId(periodId)
        .label.replace(/ \(.*\)$/, "")
        .replace("Periode", "periode")}`
    : `interaksi ${interactionAt ? formatInstantWib(interactionAt) : ""}`.trim();

/** Agent: the evaluations to confirm or dispute while the window is open. */
async function toAnswer({ db, access, settings, now }: InboxContext): Promise<InboxGroup[]> {
  if (!access.staffId || !can(access.roles, "respond:evaluation")) return [];
  const days = settings["evaluation.disputeWindowDays"];
  const rows = await db
    .select({
      id: evaluations.id,
      kind: evaluations.kind,
      periodId: evaluations.periodId,
      interactionAt: evaluations.interactionAt,
      submittedAt: evaluations.submittedAt,
      assessor: users.displayName,
    })
    .from(evaluations)
    .innerJoin(users, eq(users.id, evaluations.assessorUserId))
    .where(
      and(
        eq(evaluations.agentStaffId, access.staffId),
        eq(evaluations.state, "submitted"),
        gt(evaluations.submittedAt, new Date(now.getTime() - days * DAY_MS)),
      ),
    );
  const items = rows.map((r) => {
    const due = disputeDeadline(r.submittedAt ?? now, days);
    return {
      text: `Evaluasi #${r.id}, ${evaluationWords(r.kind, r.interactionAt, r.periodId)}, oleh ${r.assessor}`,
      to: `/evaluasi/${r.id}`,
      due,
      note: "konfirmasi atau sanggah",
    };
  });
  return items.length ? [group("tanggapan", "Evaluasi menunggu tanggapan Anda", null, items, now)] : [];
}

/** Assessor: their drafts, and the calibration sessions they have not scored. */
async function assessorWork({ db, access, now }: InboxContext): Promise<InboxGroup[]> {
  if (!can(access.roles, "create:evaluation")) return [];
  const drafts = await db
    .select({
      id: evaluations.id,
      kind: evaluations.kind,
      periodId: evaluations.periodId,
      interactionAt: evaluations.interactionAt,
      agent: agentStaff.fullName,
    })
    .from(evaluations)
    .innerJoin(agentStaff, eq(agentStaff.id, evaluations.agentStaffId))
    .where(and(eq(evaluations.state, "draft"), eq(evaluations.assessorUserId, access.userId)));
  const sessions = await db
    .select({ id: calibrationSessions.id, title: calibrationSessions.title, periodId: calibrationSessions.periodId })
    .from(calibrationParticipants)
    .innerJoin(calibrationSessions, eq(calibrationSessions.id, calibrationParticipants.sessionId))
    .where(
      and(
        eq(calibrationParticipants.userId, access.userId),
        isNull(calibrationParticipants.submittedAt),
        eq(calibrationSessions.state, "open"),
      ),
    )
    .orderBy(asc(calibrationSessions.id));
  return [
    drafts.length
      ? group(
          "draf",
          "Draf evaluasi Anda",
          "/evaluasi?status=draft&milik=saya&periode=semua",
          drafts.map((d) => ({
            text: `Draf #${d.id}: ${d.agent}, ${evaluationWords(d.kind, d.interactionAt, d.periodId)}`,
            to: `/evaluasi/${d.id}/ubah`,
            // A draft counts for nothing until sent, and cannot be sent once its period is approved.
            due: new Date(periodFromId(d.periodId).end.getTime() - 60_000),
            note: "selesaikan dan kirim sebelum periodenya berakhir",
          })),
          now,
        )
      : null,
    sessions.length
      ? group(
          "kalibrasi-nilai",
          "Sesi kalibrasi yang belum Anda nilai",
          null,
          sessions.map((s) => ({ text: s.title, to: `/kalibrasi/${s.id}`, due: null, note: "nilai secara buta" })),
          now,
        )
      : null,
  ].filter((g): g is InboxGroup => g !== null);
}

/** Assessor and coordinator: who is still below the period's quota, and (in its last days) without a review. */
async function quotaWork({ db, access, settings, now }: InboxContext, always: boolean): Promise<InboxGroup[]> {
  if (!can(access.roles, "read:coverage")) return [];
  const period = periodOf(now);
  const nearEnd = period.end.getTime() - now.getTime() <= PERIOD_END_DAYS * DAY_MS;
  // The last minute of the period's last day (25th, 23.59 WIB) reads better than the next period's first.
  const lastMinute = new Date(period.end.getTime() - 60_000);
  if (!always && !nearEnd) return [];
  const coverage = await periodCoverage(db, period.id, settings);
  const below = coverage.rows.filter((r) => !r.status.met);
  const unreviewed = coverage.rows.filter((r) => !r.reviewed);
  const groups: InboxGroup[] = [];
  if (below.length) {
    groups.push(
      group(
        "kuota",
        "Petugas yang belum memenuhi kuota periode ini",
        "/cakupan",
        [...below]
          .sort((a, b) => b.status.missing - a.status.missing)
          .map((r) => ({
            text: r.fullName,
            to: "/cakupan",
            due: lastMinute,
            note: `perlu ${r.status.missing} evaluasi interaksi lagi${r.reviewed ? "" : " dan penilaian periode"}`,
          })),
        now,
        below.length,
      ),
    );
  }
  if (nearEnd && unreviewed.length) {
    groups.push(
      group(
        "penilaian-periode",
        "Penilaian periode (kedisiplinan dan CPH) yang belum dibuat",
        "/cakupan",
        unreviewed.map((r) => ({ text: r.fullName, to: "/cakupan", due: lastMinute })),
        now,
        unreviewed.length,
      ),
    );
  }
  return groups;
}

/** The disputes `access` may see that wait for the coordinator's decision, oldest first. */
async function disputes({ db, access, settings, now }: InboxContext, title: string): Promise<InboxGroup[]> {
  const read = accessFor(access, "read:evaluation");
  if (!read) return [];
  const days = settings["evaluation.disputeWindowDays"];
  const rows = await db
    .select({ id: evaluations.id, disputedAt: evaluations.disputedAt, agent: agentStaff.fullName })
    .from(evaluations)
    .innerJoin(agentStaff, eq(agentStaff.id, evaluations.agentStaffId))
    .where(and(eq(evaluations.state, "disputed"), evaluationsInScope(read)))
    .orderBy(asc(evaluations.disputedAt));
  if (rows.length === 0) return [];
  return [
    group(
      "sanggahan",
      title,
      "/evaluasi?status=disputed&periode=semua",
      rows.map((r) => {
        const since = r.disputedAt ?? now;
        return {
          text: `Sanggahan ${r.agent} atas evaluasi #${r.id}`,
          to: `/evaluasi/${r.id}`,
          // The IKU counts a dispute settled on time when settled within the window after it was filed.
          due: disputeDeadline(since, days),
          note: `menunggu ${waitedWords(since, now)}`,
        };
      }),
      now,
    ),
  ];
}

/** Coordinator: calibration sessions to close, templates in draft. */
async function coordinatorWork({ db, access, now }: InboxContext): Promise<InboxGroup[]> {
  if (!can(access.roles, "manage:calibration")) return [];
  const open = await db
    .select({
      id: calibrationSessions.id,
      title: calibrationSessions.title,
      participants: sql<number>`count(${calibrationParticipants.userId})`.mapWith(Number),
      scored: sql<number>`count(${calibrationParticipants.submittedAt})`.mapWith(Number),
    })
    .from(calibrationSessions)
    .leftJoin(calibrationParticipants, eq(calibrationParticipants.sessionId, calibrationSessions.id))
    .where(eq(calibrationSessions.state, "open"))
    .groupBy(calibrationSessions.id, calibrationSessions.title)
    .orderBy(asc(calibrationSessions.id));
  const drafts = can(access.roles, "manage:template")
    ? await db
        .select({ id: scorecardVersions.id, version: scorecardVersions.version, name: scorecardTemplates.name })
        .from(scorecardVersions)
        .innerJoin(scorecardTemplates, eq(scorecardTemplates.id, scorecardVersions.templateId))
        .where(eq(scorecardVersions.status, "draft"))
        .orderBy(asc(scorecardVersions.id))
    : [];
  return [
    open.length
      ? group(
          "kalibrasi-tutup",
          "Sesi kalibrasi yang masih terbuka",
          "/kalibrasi",
          open.map((s) => ({
            text: s.title,
            to: `/kalibrasi/${s.id}`,
            due: null,
            note:
              s.participants > 0 && s.scored === s.participants
                ? "semua penilai sudah menilai: siap ditutup"
                : `${s.scored} dari ${s.participants} penilai sudah menilai`,
          })),
          now,
        )
      : null,
    drafts.length
      ? group(
          "template-draf",
          "Template penilaian berstatus draf",
          "/template",
          drafts.map((d) => ({
            text: `${d.name}, versi ${d.version}`,
            to: `/template/${d.id}`,
            due: null,
            note: "periksa lalu terbitkan",
          })),
          now,
        )
      : null,
  ].filter((g): g is InboxGroup => g !== null);
}

/** Supervisor: the agents of their team below the KPI threshold in the last finished period. */
async function belowThreshold({ db, access, settings, now }: InboxContext): Promise<InboxGroup[]> {
  const read = accessFor(access, "read:kpi");
  if (!read) return [];
  const periodId = shiftPeriod(periodOf(now).id, -1).id;
  const report = await periodKpiReport(db, periodId, settings, read);
  const threshold = settings["kpi.threshold"];
  const below = report.agents.filter((a) => a.kpi.score !== null && a.kpi.score < threshold);
  if (below.length === 0) return [];
  return [
    group(
      "di-bawah-batas",
      `Petugas dengan nilai akhir di bawah ${threshold} (${periodFromId(periodId).label.replace(/ \(.*\)$/, "")})`,
      `/kpi?periode=${periodId}#di-bawah`,
      below.map((a) => ({
        text: a.fullName,
        to: `/staf/${a.staffId}`,
        due: null,
        note: `nilai akhir ${a.kpi.score?.toFixed(2).replace(".", ",")}`,
      })),
      now,
    ),
  ];
}

/** Everything waiting for the user, by the roles they hold; a group two roles share appears once. */
export async function inboxOf(db: Database, access: Access, settings: Settings, now = new Date()) {
  const ctx: InboxContext = { db, access, settings, now };
  const has = (role: Role) => access.roles.includes(role);
  const parts = await Promise.all([
    toAnswer(ctx),
    assessorWork(ctx),
    // The assessor follows the quota all period; the coordinator in its last days.
    has("penilai") || has("koordinator_qa") ? quotaWork(ctx, has("penilai")) : [],
    has("koordinator_qa") ? disputes(ctx, "Sanggahan menunggu keputusan") : [],
    has("supervisor") && !has("koordinator_qa") ? disputes(ctx, "Sanggahan petugas tim Anda") : [],
    has("ketua_tim") && !has("koordinator_qa") ? disputes(ctx, "Sanggahan petugas regu Anda") : [],
    coordinatorWork(ctx),
    has("supervisor") || has("ketua_tim") ? belowThreshold(ctx) : [],
    headWork(ctx),
    reportWork(ctx),
    importAndTrainingWork(ctx),
    coachingWork(ctx),
  ]);
  const seen = new Set<string>();
  return parts.flat().filter((g) => !seen.has(g.key) && seen.add(g.key));
}

/** The inbox as the pages show it: deadlines in WIB and in words, judged at `now` on the server. */
export function inboxView(groups: readonly InboxGroup[], now = new Date()) {
  return groups.map((g) => ({
    ...g,
    items: g.items.map((item) => ({
      text: item.text,
      to: item.to,
      note: item.note ?? null,
      due: item.due ? formatInstantWib(item.due) : null,
      dueWords: item.due ? dueWords(item.due, now) : null,
      overdue: isOverdue(item, now),
    })),
  }));
}

export type InboxView = ReturnType<typeof inboxView>;
