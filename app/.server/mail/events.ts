// The mail of each event, queued by the event's own transaction (`tx`): who gets it and what it says. Each is a
// no-op while mail is not configured, before any query, so an event costs nothing extra then.
import { and, arrayContains, eq, inArray, isNull, ne } from "drizzle-orm";
import { disputeDeadline } from "../../../analytics/dispute-window";
import { evaluations, reports, staff, users } from "../../../db/schema";
import type { Database } from "../db";
import { getSettings } from "../settings";
import { mailEnabled } from "./config";
import {
  disputeFiled,
  disputeSettled,
  type EvaluationWords,
  evaluationReceived,
  periodApproved,
  reportAnswered,
} from "./content";
import { type QueuedMail, queueMails } from "./outbox";

/** What a mail says of an evaluation (content.ts EvaluationWords), and when it was sent to the agent. */
export const evaluationWordsColumns = {
  id: evaluations.id,
  kind: evaluations.kind,
  channel: evaluations.channel,
  interactionAt: evaluations.interactionAt,
  periodId: evaluations.periodId,
  submittedAt: evaluations.submittedAt,
};

async function evaluationFor(tx: Database, id: number) {
  const [row] = await tx
    .select({
      ...evaluationWordsColumns,
      agentName: staff.fullName,
      agentUserId: users.id,
    })
    .from(evaluations)
    .innerJoin(staff, eq(staff.id, evaluations.agentStaffId))
    .leftJoin(users, eq(users.staffId, evaluations.agentStaffId))
    .where(eq(evaluations.id, id));
  return row;
}

/** The agent's account, if they have one; an agent without one gets no mail. */
const agentMail = (e: { agentUserId: number | null }, mail: Omit<QueuedMail, "userId">, now: Date, tx: Database) =>
  e.agentUserId === null ? Promise.resolve(0) : queueMails(tx, [{ ...mail, userId: e.agentUserId }], now);

/** An evaluation or period review was submitted: the agent is told, with the dispute window's end. */
export async function mailEvaluationSubmitted(tx: Database, evaluationId: number, now = new Date()) {
  if (!mailEnabled()) return;
  const e = await evaluationFor(tx, evaluationId);
  if (!e) return;
  const windowDays = (await getSettings(tx))["evaluation.disputeWindowDays"];
  const deadline = disputeDeadline(e.submittedAt ?? now, windowDays);
  const text = evaluationReceived(e as EvaluationWords, deadline);
  await agentMail(e, { ...text, dedupeKey: `evaluation_received:${e.id}` }, now, tx);
}

/** The agent disputed an evaluation: every active QA coordinator is told (any of them may settle it). */
export async function mailDisputeFiled(tx: Database, evaluationId: number, now = new Date()) {
  if (!mailEnabled()) return;
  const e = await evaluationFor(tx, evaluationId);
  if (!e) return;
  const coordinators = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        arrayContains(users.roles, ["koordinator_qa"]),
        isNull(users.disabledAt),
        // A coordinator who is also the agent does not settle their own dispute.
        e.agentUserId === null ? undefined : ne(users.id, e.agentUserId),
      ),
    );
  const text = disputeFiled(e as EvaluationWords, e.agentName);
  await queueMails(
    tx,
    coordinators.map((c) => ({ ...text, userId: c.id, dedupeKey: `dispute_filed:${e.id}:${c.id}` })),
    now,
  );
}

/** The QA coordinator settled a dispute: the agent is told the outcome (not the scores). */
export async function mailDisputeSettled(
  tx: Database,
  evaluationId: number,
  outcome: "upheld" | "adjusted",
  now = new Date(),
) {
  if (!mailEnabled()) return;
  const e = await evaluationFor(tx, evaluationId);
  if (!e) return;
  const text = disputeSettled(e as EvaluationWords, outcome);
  await agentMail(e, { ...text, dedupeKey: `dispute_settled:${e.id}` }, now, tx);
}

/** Who follows the KPI of a team or a group besides its agents. */
const LEAD_ROLES = ["supervisor", "ketua_tim", "koordinator_qa"];

/**
 * The Kepala Seksi approved a period: the agents evaluated in it (their KPI is now final) and the active
 * supervisors, Ketua Tim and QA coordinators (who follow the teams' and groups' KPI). Approved again after a
 * reopening, it is a new event (the key holds the moment of approval).
 */
export async function mailPeriodApproved(tx: Database, periodId: string, approvedAt: Date) {
  if (!mailEnabled()) return;
  const agents = await tx
    .selectDistinct({ id: users.id })
    .from(evaluations)
    .innerJoin(users, eq(users.staffId, evaluations.agentStaffId))
    .where(and(eq(evaluations.periodId, periodId), ne(evaluations.state, "draft")));
  const followers = await tx.select({ id: users.id, roles: users.roles }).from(users).where(isNull(users.disabledAt));
  const agentIds = new Set(agents.map((a) => a.id));
  const leads = followers
    .filter((u) => !agentIds.has(u.id) && LEAD_ROLES.some((role) => u.roles.includes(role)))
    .map((u) => u.id);
  const key = (userId: number) => `period_approved:${periodId}:${approvedAt.getTime()}:${userId}`;
  const forAgents = periodApproved(periodId, true);
  const forLeads = periodApproved(periodId, false);
  await queueMails(
    tx,
    [
      ...[...agentIds].map((userId) => ({ ...forAgents, userId, dedupeKey: key(userId) })),
      ...leads.map((userId) => ({ ...forLeads, userId, dedupeKey: key(userId) })),
    ],
    approvedAt,
  );
}

/** The Kepala Seksi answered a report: its author and the person named to follow it up. */
export async function mailReportAnswered(tx: Database, reportId: number, now = new Date()) {
  if (!mailEnabled()) return;
  const [r] = await tx
    .select({
      id: reports.id,
      title: reports.title,
      authorUserId: reports.authorUserId,
      assigneeUserId: reports.assigneeUserId,
      followUpDue: reports.followUpDue,
    })
    .from(reports)
    .where(eq(reports.id, reportId));
  if (!r?.assigneeUserId || !r.followUpDue) return;
  const [assignee] = await tx
    .select({ displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, [r.assigneeUserId]));
  const words = {
    reportId: r.id,
    title: r.title,
    assigneeName: assignee?.displayName ?? "",
    followUpDue: r.followUpDue,
  };
  const mails: QueuedMail[] = [
    {
      ...reportAnswered(words, true),
      userId: r.assigneeUserId,
      dedupeKey: `report_answered:${r.id}:${r.assigneeUserId}`,
    },
  ];
  // The author who is also the assignee gets the assignee's mail only.
  if (r.authorUserId !== r.assigneeUserId) {
    mails.push({
      ...reportAnswered(words, false),
      userId: r.authorUserId,
      dedupeKey: `report_answered:${r.id}:${r.authorUserId}`,
    });
  }
  await queueMails(tx, mails, now);
}
