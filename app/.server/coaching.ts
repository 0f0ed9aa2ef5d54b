// Reading coaching (pembinaan): the sessions a viewer may see (scoped as evaluations: everyone, their team, or their
// own), one session with the evaluations it came from, its actions and the evaluations after it that show whether
// it worked. The writes are in coaching-forms.ts.
import { aliasedTable, and, asc, desc, eq, gte, inArray, isNull, ne, sql } from "drizzle-orm";
import { endOfWibDay } from "../../analytics/certified-staff";
import {
  actionLate,
  type CoachingStatus,
  coachingEffect,
  coachingStatus,
  coachingStatusLabel,
} from "../../analytics/coaching";
import {
  coachingActions,
  coachingSessionEvaluations,
  coachingSessions,
  evaluations,
  staff,
  teams,
  users,
} from "../../db/schema";
import type { Database } from "./db";
import { evaluationsInScope } from "./evaluation-queries";
import { type Access, accessFor, inScope } from "./scope";

const agent = aliasedTable(staff, "coached_agent");
const coach = aliasedTable(users, "coach");
const owner = aliasedTable(users, "action_owner");
const follower = aliasedTable(users, "action_follower");

/** Sessions about people `access` reaches. */
export const coachingInScope = (access: Access) => inScope(access, { staffId: coachingSessions.agentStaffId });

export type CoachingAction = {
  id: number;
  sessionId: number;
  description: string;
  ownerUserId: number;
  owner: string;
  dueOn: string;
  outcome: string | null;
  outcomeNote: string | null;
  outcomeAt: Date | null;
  outcomeBy: string | null;
  late: boolean;
};

async function actionsOf(db: Database, sessionIds: readonly number[], today: string) {
  if (sessionIds.length === 0) return [];
  const rows = await db
    .select({
      id: coachingActions.id,
      sessionId: coachingActions.sessionId,
      description: coachingActions.description,
      ownerUserId: coachingActions.ownerUserId,
      owner: owner.displayName,
      dueOn: coachingActions.dueOn,
      outcome: coachingActions.outcome,
      outcomeNote: coachingActions.outcomeNote,
      outcomeAt: coachingActions.outcomeAt,
      outcomeBy: follower.displayName,
    })
    .from(coachingActions)
    .innerJoin(owner, eq(owner.id, coachingActions.ownerUserId))
    .leftJoin(follower, eq(follower.id, coachingActions.outcomeBy))
    .where(inArray(coachingActions.sessionId, [...sessionIds]))
    .orderBy(asc(coachingActions.dueOn), asc(coachingActions.id));
  const typed: Omit<CoachingAction, "late">[] = rows;
  return typed.map((r) => ({ ...r, late: actionLate(r, today) }));
}

const sessionColumns = {
  id: coachingSessions.id,
  agentStaffId: coachingSessions.agentStaffId,
  agentName: agent.fullName,
  teamId: agent.teamId,
  groupName: agent.groupName,
  teamName: teams.name,
  coachUserId: coachingSessions.coachUserId,
  coach: coach.displayName,
  heldOn: coachingSessions.heldOn,
  kpiPeriodId: coachingSessions.kpiPeriodId,
  observation: coachingSessions.observation,
  acknowledgedAt: coachingSessions.acknowledgedAt,
  agentComment: coachingSessions.agentComment,
  createdAt: coachingSessions.createdAt,
};

/** Sessions with their agent, team and coach, to be narrowed by the caller. */
const selectSessions = (db: Database) =>
  db
    .select(sessionColumns)
    .from(coachingSessions)
    .innerJoin(agent, eq(agent.id, coachingSessions.agentStaffId))
    .innerJoin(teams, eq(teams.id, agent.teamId))
    .innerJoin(coach, eq(coach.id, coachingSessions.coachUserId));

/** One session (without its actions and evaluations), or null when missing or outside `access`. */
export async function findCoachingSession(db: Database, access: Access, id: number) {
  if (!Number.isSafeInteger(id)) return null;
  const [session] = await selectSessions(db).where(and(eq(coachingSessions.id, id), coachingInScope(access)));
  return session ?? null;
}

export type CoachingSession = NonNullable<Awaited<ReturnType<typeof findCoachingSession>>>;

export type CoachingFilter = {
  agentId?: number;
  status?: CoachingStatus | "terbuka";
  /** Sessions held on these WIB days, inclusive ('YYYY-MM-DD'). */
  heldFrom?: string;
  heldTo?: string;
};

/** The list filter of a status choice of /pembinaan (analytics/coaching.ts): "semua" is none. */
export const statusFilter = (status: string): CoachingFilter["status"] =>
  status === "semua" ? undefined : (status as CoachingStatus | "terbuka");

/**
 * The sessions `access` (read:coaching) reaches, newest first, each with its actions, status and the first action
 * still waiting. A status filter is applied after the actions are read: the status is theirs to decide.
 */
export async function listCoaching(db: Database, access: Access, filter: CoachingFilter, today: string) {
  const sessions = await selectSessions(db)
    .where(
      and(
        coachingInScope(access),
        filter.agentId ? eq(coachingSessions.agentStaffId, filter.agentId) : undefined,
        filter.heldFrom ? sql`${coachingSessions.heldOn} >= ${filter.heldFrom}` : undefined,
        filter.heldTo ? sql`${coachingSessions.heldOn} <= ${filter.heldTo}` : undefined,
      ),
    )
    .orderBy(desc(coachingSessions.heldOn), desc(coachingSessions.id));
  const actions = await actionsOf(
    db,
    sessions.map((s) => s.id),
    today,
  );
  const rows = sessions.map((s) => {
    const mine = actions.filter((a) => a.sessionId === s.id);
    const status = coachingStatus({ acknowledged: s.acknowledgedAt !== null, actions: mine });
    return {
      ...s,
      actions: mine,
      status,
      statusLabel: coachingStatusLabel(status),
      done: mine.filter((a) => a.outcome !== null).length,
      late: mine.some((a) => a.late),
      nextDue: mine.find((a) => a.outcome === null)?.dueOn ?? null,
    };
  });
  const wanted = filter.status;
  return wanted ? rows.filter((r) => (wanted === "terbuka" ? r.status !== "selesai" : r.status === wanted)) : rows;
}

export type CoachingRow = Awaited<ReturnType<typeof listCoaching>>[number];

const evaluationColumns = {
  id: evaluations.id,
  kind: evaluations.kind,
  periodId: evaluations.periodId,
  interactionAt: evaluations.interactionAt,
  submittedAt: evaluations.submittedAt,
  total: evaluations.total,
  state: evaluations.state,
};

/** How many of the agent's evaluations after a session the page lists (and the effect is measured on). */
const AFTER_LIMIT = 5;

/**
 * One session with everything its page shows, or null when it does not exist or `access` does not reach it. The
 * evaluations are read under the viewer's own read:evaluation scope (the same reach as coaching's).
 */
export async function getCoaching(db: Database, access: Access, id: number, today: string) {
  const session = await findCoachingSession(db, access, id);
  if (!session) return null;
  const readEvaluations = accessFor(access, "read:evaluation");
  const actions = await actionsOf(db, [id], today);
  const from = readEvaluations
    ? await db
        .select(evaluationColumns)
        .from(coachingSessionEvaluations)
        .innerJoin(evaluations, eq(evaluations.id, coachingSessionEvaluations.evaluationId))
        .where(and(eq(coachingSessionEvaluations.sessionId, id), evaluationsInScope(readEvaluations)))
        .orderBy(asc(evaluations.interactionAt), asc(evaluations.id))
    : [];
  // Interactions after the day of the conversation: what the coaching was meant to change.
  const after = readEvaluations
    ? await db
        .select(evaluationColumns)
        .from(evaluations)
        .where(
          and(
            eq(evaluations.agentStaffId, session.agentStaffId),
            eq(evaluations.kind, "interaction"),
            ne(evaluations.state, "draft"),
            gte(evaluations.interactionAt, endOfWibDay(session.heldOn)),
            evaluationsInScope(readEvaluations),
          ),
        )
        .orderBy(asc(evaluations.interactionAt), asc(evaluations.id))
        .limit(AFTER_LIMIT)
    : [];
  const scored = (rows: typeof from) => rows.map((r) => r.total).filter((t): t is number => t !== null);
  const status = coachingStatus({ acknowledged: session.acknowledgedAt !== null, actions });
  return {
    session,
    actions,
    status,
    from,
    after,
    effect: coachingEffect(scored(from.filter((e) => e.kind === "interaction")), scored(after), AFTER_LIMIT),
  };
}

/**
 * Actions still waiting for their follow-up, with their session's agent, for the inbox: those the user owns, or
 * (with `access`, manage:coaching) those of sessions within it that are past their due day.
 */
export function openActions(
  db: Database,
  where: { ownerUserId?: number; overdueWithin?: Access; coachUserId?: number },
  today: string,
) {
  return db
    .select({
      id: coachingActions.id,
      sessionId: coachingActions.sessionId,
      description: coachingActions.description,
      dueOn: coachingActions.dueOn,
      owner: owner.displayName,
      agentStaffId: coachingSessions.agentStaffId,
      agentName: agent.fullName,
    })
    .from(coachingActions)
    .innerJoin(coachingSessions, eq(coachingSessions.id, coachingActions.sessionId))
    .innerJoin(agent, eq(agent.id, coachingSessions.agentStaffId))
    .innerJoin(owner, eq(owner.id, coachingActions.ownerUserId))
    .where(
      and(
        isNull(coachingActions.outcome),
        where.ownerUserId !== undefined ? eq(coachingActions.ownerUserId, where.ownerUserId) : undefined,
        where.coachUserId !== undefined ? eq(coachingSessions.coachUserId, where.coachUserId) : undefined,
        where.overdueWithin ? coachingInScope(where.overdueWithin) : undefined,
        where.overdueWithin || where.coachUserId !== undefined ? sql`${coachingActions.dueOn} < ${today}` : undefined,
      ),
    )
    .orderBy(asc(coachingActions.dueOn), asc(coachingActions.id));
}

/** The agent's sessions not yet acknowledged. */
export function awaitingAcknowledgement(db: Database, staffId: number) {
  return db
    .select({ id: coachingSessions.id, heldOn: coachingSessions.heldOn, coach: coach.displayName })
    .from(coachingSessions)
    .innerJoin(coach, eq(coach.id, coachingSessions.coachUserId))
    .where(and(eq(coachingSessions.agentStaffId, staffId), isNull(coachingSessions.acknowledgedAt)))
    .orderBy(asc(coachingSessions.heldOn), asc(coachingSessions.id));
}
