// Reading evaluations and period reviews: which rows someone may see, one evaluation with everything its page
// shows, and the draft its author continues or sends.
import { aliasedTable, and, asc, eq, ne, or, type SQL } from "drizzle-orm";
import { INTERACTION_SECTIONS } from "../../analytics/scoring";
import { evaluationRevisions, evaluationScores, evaluations, staff, users } from "../../db/schema";
import { hiddenOrMissing, recordDenied } from "./access";
import type { Database } from "./db";
import { notFound } from "./errors";
import { evaluableAgents } from "./population";
import { type Access, inScope } from "./scope";
import { loadVersion, publishedVersionForTeam } from "./scorecards";
import type { Permitted } from "./session";

export const DRAFT_NOT_FOUND = "Draf evaluasi ini tidak ditemukan, atau sudah dikirim.";

/**
 * The evaluations `access` reaches by the person evaluated. A draft is its author's alone: not even the agent
 * it is about, nor their supervisor, sees an evaluation before it is submitted; and an agent's own view never
 * shows a draft.
 */
export function evaluationsInScope(access: Access): SQL | undefined {
  const sent = ne(evaluations.state, "draft");
  const draftRule = access.scope === "own" ? sent : or(sent, eq(evaluations.assessorUserId, access.userId));
  return and(inScope(access, { staffId: evaluations.agentStaffId }), draftRule);
}

const agentStaff = aliasedTable(staff, "agent");

/** One evaluation with everything its page shows, or null when it does not exist or is outside `access`. */
export async function getEvaluation(db: Database, id: number, access: Access) {
  if (!Number.isInteger(id)) return null;
  const [row] = await db
    .select({
      evaluation: evaluations,
      agentName: agentStaff.fullName,
      agentTeamId: agentStaff.teamId,
      agentGroupName: agentStaff.groupName,
      assessorName: users.displayName,
    })
    .from(evaluations)
    .innerJoin(agentStaff, eq(agentStaff.id, evaluations.agentStaffId))
    .innerJoin(users, eq(users.id, evaluations.assessorUserId))
    .where(and(eq(evaluations.id, id), evaluationsInScope(access)));
  if (!row) return null;
  const version = await loadVersion(db, row.evaluation.versionId);
  if (!version) return null;
  const scores = await db.select().from(evaluationScores).where(eq(evaluationScores.evaluationId, id));
  const changers = aliasedTable(users, "changer");
  const revisions = await db
    .select({
      revision: evaluationRevisions.revision,
      reason: evaluationRevisions.reason,
      note: evaluationRevisions.note,
      snapshot: evaluationRevisions.snapshot,
      changedAt: evaluationRevisions.changedAt,
      changedBy: changers.displayName,
    })
    .from(evaluationRevisions)
    .leftJoin(changers, eq(changers.id, evaluationRevisions.changedBy))
    .where(eq(evaluationRevisions.evaluationId, id))
    .orderBy(asc(evaluationRevisions.revision));
  const [settler] = row.evaluation.settledBy
    ? await db.select({ name: users.displayName }).from(users).where(eq(users.id, row.evaluation.settledBy))
    : [];
  return {
    ...row.evaluation,
    agentName: row.agentName,
    agentTeamId: row.agentTeamId,
    agentGroupName: row.agentGroupName,
    assessorName: row.assessorName,
    settledByName: settler?.name ?? null,
    version,
    scores: Object.fromEntries(scores.map((s) => [s.itemId, { value: s.value, comment: s.comment }])) as Record<
      number,
      { value: number | null; comment: string }
    >,
    revisions,
  };
}

/** Whether `authorId`'s evaluation `id` has left draft (submitted, answered, settled). */
export async function sentBy(db: Database, id: number, authorId: number): Promise<boolean> {
  const [row] = await db
    .select({ state: evaluations.state })
    .from(evaluations)
    .where(and(eq(evaluations.id, id), eq(evaluations.assessorUserId, authorId)));
  return row !== undefined && row.state !== "draft";
}

/**
 * Evaluation `id` of the signed-in assessor, in whatever state. Anything else looks as if it did not exist
 * (404); someone else's evaluation is recorded as a denied access.
 */
export async function authorsEvaluation(auth: Permitted, request: Request, id: number) {
  const e = await getEvaluation(auth.env.db, id, auth.access);
  if (!e) return hiddenOrMissing(auth, request, { entity: "evaluation", id }, DRAFT_NOT_FOUND);
  if (e.assessorUserId !== auth.access.userId) {
    await recordDenied(auth, request, "evaluation", id);
    notFound(DRAFT_NOT_FOUND);
  }
  return e;
}

/** The assessor's own interaction draft, for its edit page, with the interaction items only. */
export async function editableDraft(auth: Permitted, request: Request, id: number) {
  const e = await authorsEvaluation(auth, request, id);
  if (e.state !== "draft" || e.kind !== "interaction") notFound(DRAFT_NOT_FOUND);
  const items = e.version.items.filter((i) => INTERACTION_SECTIONS.includes(i.section));
  return { ...e, version: { ...e.version, items } };
}

/** The new-evaluation page: the agents `access` may evaluate, the one chosen, and their team's interaction items. */
export async function newInteractionPage(db: Database, access: Access, chosenAgentId: number) {
  const agents = await evaluableAgents(db, access.staffId);
  const agent = agents.find((a) => a.id === chosenAgentId) ?? null;
  const version = agent ? await publishedVersionForTeam(db, agent.teamId) : null;
  const items = version?.items.filter((i) => INTERACTION_SECTIONS.includes(i.section)) ?? [];
  return { agents, agent, version: version && { ...version, items } };
}
