// The evaluation list (/evaluasi): filtered, searched, sorted and paged in SQL, so "Semua periode" of a busy
// center is one page of rows, not all of them. An agent's rows say which ones still wait for their answer.
import { aliasedTable, and, count, desc, eq, ilike, like, or, type SQL, sql } from "drizzle-orm";
import { STATE_LABELS } from "../../analytics/scoring";
import { evaluations, staff, teams, users } from "../../db/schema";
import { readSort, type Sort, type SortColumns } from "../list-params";
import { can } from "../permissions";
import type { Database } from "./db";
import { evaluationsInScope } from "./evaluation-queries";
import { disputeDeadline } from "./evaluation-workflow";
import { keptSearch } from "./kept-search";
import { periodChoice } from "./periods";
import { evaluatedNow } from "./population";
import { type Access, hasScopeUnit, staffInScope } from "./scope";
import type { Permitted } from "./session";

const EVALUATIONS_PER_PAGE = 50;

/** The list's sortable columns, with the direction of a first click (newest and highest first). */
export const EVALUATION_SORTS = {
  nomor: "turun",
  waktu: "turun",
  petugas: "naik",
  penilai: "naik",
  hardskill: "turun",
  softskill: "turun",
  kedisiplinan: "turun",
  total: "turun",
  status: "naik",
} as const satisfies SortColumns<string>;
export type EvaluationSortKey = keyof typeof EVALUATION_SORTS;

export type EvaluationFilter = {
  periodId?: string;
  agentId?: number;
  state?: string;
  kind?: string;
  assessorId?: number;
  /** Part of the interaction reference or of the agent's name, the start of their NIP, or "#123". */
  search?: string;
  sort?: Sort<EvaluationSortKey> | null;
  page?: number;
};

const agentStaff = aliasedTable(staff, "agent");

// The workflow's order: what still needs someone first.
const STATE_ORDER = sql`array_position(array['draft','submitted','disputed','acknowledged','final']::text[], ${evaluations.state})`;

function sortOrder(sort: Sort<EvaluationSortKey> | null | undefined): SQL[] {
  if (!sort)
    return [desc(evaluations.periodId), sql`${evaluations.interactionAt} desc nulls first`, desc(evaluations.id)];
  const dir = sort.direction === "naik" ? sql`asc` : sql`desc`;
  const by = (expression: SQL | typeof evaluations.id) => sql`${expression} ${dir} nulls last`;
  const columns: Record<EvaluationSortKey, SQL[]> = {
    nomor: [by(evaluations.id)],
    // Period reviews have no interaction time: they sit at their period, after its interactions.
    waktu: [by(sql`${evaluations.periodId}`), by(sql`${evaluations.interactionAt}`)],
    petugas: [by(sql`${agentStaff.fullName}`)],
    penilai: [by(sql`${users.displayName}`)],
    hardskill: [by(sql`${evaluations.hardskill}`)],
    softskill: [by(sql`${evaluations.softskill}`)],
    kedisiplinan: [by(sql`${evaluations.kedisiplinan}`)],
    total: [by(sql`${evaluations.total}`)],
    status: [by(STATE_ORDER)],
  };
  return [...columns[sort.key], desc(evaluations.id)];
}

function searchCondition(text: string | undefined): SQL | undefined {
  const q = text?.trim();
  if (!q) return undefined;
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const digits = q.replace(/\s+/g, "");
  const number = /^#?(\d{1,9})$/.exec(q)?.[1];
  return or(
    ilike(evaluations.interactionRef, pattern),
    ilike(agentStaff.fullName, pattern),
    /^\d{4,18}$/.test(digits) ? like(agentStaff.nip, `${digits}%`) : undefined,
    number ? eq(evaluations.id, Number(number)) : undefined,
  );
}

/** The list's condition: the evaluations `access` reaches, narrowed by `filter`. */
export function evaluationListWhere(access: Access, filter: EvaluationFilter) {
  return and(
    evaluationsInScope(access),
    filter.periodId ? eq(evaluations.periodId, filter.periodId) : undefined,
    filter.agentId ? eq(evaluations.agentStaffId, filter.agentId) : undefined,
    filter.state ? eq(evaluations.state, filter.state) : undefined,
    filter.kind ? eq(evaluations.kind, filter.kind) : undefined,
    filter.assessorId ? eq(evaluations.assessorUserId, filter.assessorId) : undefined,
    searchCondition(filter.search),
  );
}

/** `limit` rows of the list from `offset`, in the list's order (the page, and its export a chunk at a time). */
export function evaluationListRows(
  db: Database,
  where: SQL | undefined,
  sort: Sort<EvaluationSortKey> | null | undefined,
  offset: number,
  limit: number,
) {
  return db
    .select({
      id: evaluations.id,
      kind: evaluations.kind,
      periodId: evaluations.periodId,
      state: evaluations.state,
      channel: evaluations.channel,
      interactionRef: evaluations.interactionRef,
      interactionAt: evaluations.interactionAt,
      hardskill: evaluations.hardskill,
      softskill: evaluations.softskill,
      kedisiplinan: evaluations.kedisiplinan,
      cphScore: evaluations.cphScore,
      total: evaluations.total,
      criticalFailed: evaluations.criticalFailed,
      submittedAt: evaluations.submittedAt,
      agentId: agentStaff.id,
      agentNip: agentStaff.nip,
      agentName: agentStaff.fullName,
      teamName: teams.name,
      assessorName: users.displayName,
      assessorId: users.id,
    })
    .from(evaluations)
    .innerJoin(agentStaff, eq(agentStaff.id, evaluations.agentStaffId))
    .innerJoin(teams, eq(teams.id, agentStaff.teamId))
    .innerJoin(users, eq(users.id, evaluations.assessorUserId))
    .where(where)
    .orderBy(...sortOrder(sort))
    .limit(limit)
    .offset(offset);
}

/**
 * One page of the evaluations `access` reaches, newest period and interaction first unless sorted. For an
 * agent's own submitted evaluations still inside the dispute window, `respondBy` is the deadline of their
 * answer (confirm or dispute); otherwise null.
 */
export async function listEvaluations(
  db: Database,
  access: Access,
  filter: EvaluationFilter,
  disputeWindowDays: number,
  now = new Date(),
) {
  const where = evaluationListWhere(access, filter);
  const [counted] = await db
    .select({ n: count() })
    .from(evaluations)
    .innerJoin(agentStaff, eq(agentStaff.id, evaluations.agentStaffId))
    .where(where);
  const total = counted?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / EVALUATIONS_PER_PAGE));
  const page = Math.min(Math.max(1, Math.trunc(filter.page ?? 1) || 1), pages);
  const rows = await evaluationListRows(
    db,
    where,
    filter.sort,
    (page - 1) * EVALUATIONS_PER_PAGE,
    EVALUATIONS_PER_PAGE,
  );
  return {
    rows: rows.map(({ agentNip: _nip, ...r }) => {
      const deadline = r.submittedAt ? disputeDeadline(r.submittedAt, disputeWindowDays) : null;
      const mine = access.staffId !== null && r.agentId === access.staffId;
      return { ...r, respondBy: mine && r.state === "submitted" && deadline && deadline > now ? deadline : null };
    }),
    page,
    pages,
    total,
    size: EVALUATIONS_PER_PAGE,
  };
}

/**
 * The agents of the list's "Petugas" filter, A–Z: those evaluated now within `access` (so the coverage page's
 * link to an agent without evaluations yet still names them) and whoever has an evaluation `access` reaches.
 */
async function listedAgents(db: Database, access: Access) {
  const [evaluated, current] = await Promise.all([
    db
      .selectDistinct({ id: agentStaff.id, fullName: agentStaff.fullName })
      .from(evaluations)
      .innerJoin(agentStaff, eq(agentStaff.id, evaluations.agentStaffId))
      .where(evaluationsInScope(access)),
    access.scope === "own" || !hasScopeUnit(access)
      ? []
      : db
          .select({ id: staff.id, fullName: staff.fullName })
          .from(staff)
          .innerJoin(teams, eq(teams.id, staff.teamId))
          .where(and(evaluatedNow(), staffInScope(access))),
  ]);
  const byId = new Map([...current, ...evaluated].map((a) => [a.id, a]));
  return [...byId.values()].sort((a, b) => a.fullName.localeCompare(b.fullName, "id") || a.id - b.id);
}

/** The periods the list's filter offers: the current one and the eleven before it. */
const PERIOD_CHOICES = 12;

/**
 * The list's filters, from its address or from the filter form (both have `get`); everything but the search
 * text, which is kept with the session. A value that is not on offer counts as not chosen.
 */
export function listFilter(source: { get(name: string): unknown }, access: Access, now = new Date()) {
  const text = (name: string) => {
    const value = source.get(name);
    return typeof value === "string" ? value : "";
  };
  const own = access.scope === "own";
  const canCreate = can(access.roles, "create:evaluation");
  const { period: current, choices: periods } = periodChoice(null, PERIOD_CHOICES, now);
  const asked = text("periode");
  // An agent sees all of their own evaluations by default; everyone else starts at the current period.
  const periodId =
    asked === "semua" ? undefined : (periods.find((p) => p.value === asked)?.value ?? (own ? undefined : current.id));
  // Drafts are their author's alone: whoever cannot write evaluations is not offered a filter for them.
  const states = Object.keys(STATE_LABELS).filter((s) => s !== "draft" || canCreate);
  return {
    periods,
    periodId,
    states,
    state: states.includes(text("status")) ? text("status") : undefined,
    mine: canCreate && text("milik") === "saya",
    agentId: own ? undefined : Number(text("petugas")) || undefined,
    canCreate,
  };
}

/**
 * The list's filters as the page at the address `params` applies them, with the search text the session
 * keeps (the page and its export alike).
 */
export async function evaluationListFilter(
  db: Database,
  access: Access,
  sessionId: string | null,
  params: URLSearchParams,
  now = new Date(),
) {
  const choice = listFilter(params, access, now);
  const search = sessionId ? await keptSearch(db, sessionId, "evaluasi") : "";
  const sort = readSort(params, EVALUATION_SORTS);
  const filter: EvaluationFilter = {
    periodId: choice.periodId,
    state: choice.state,
    agentId: choice.agentId,
    assessorId: choice.mine ? access.userId : undefined,
    search,
    sort,
  };
  return { choice, filter };
}

/** The evaluation list page (/evaluasi) at the address `params`: one page of rows and its filters' choices. */
export async function evaluationListPage(auth: Permitted, params: URLSearchParams) {
  const { access, env } = auth;
  const { choice, filter } = await evaluationListFilter(env.db, access, auth.sessionId, params);
  const { periods, periodId, states, state, mine, agentId, canCreate } = choice;
  const [list, agents] = await Promise.all([
    listEvaluations(
      env.db,
      access,
      { ...filter, page: Number(params.get("halaman")) || 1 },
      env.settings["evaluation.disputeWindowDays"],
    ),
    access.scope === "own" ? [] : listedAgents(env.db, access),
  ]);
  return {
    ...list,
    scope: access.scope,
    sort: filter.sort ?? null,
    search: filter.search ?? "",
    filter: { periodId: periodId ?? "semua", state: state ?? "", mine, agentId: agentId ?? "" },
    agentName: agents.find((a) => a.id === agentId)?.fullName ?? null,
    agents: agents.map((a) => ({ value: a.id, label: a.fullName })),
    states: states.map((s) => ({ value: s, label: STATE_LABELS[s] ?? s })),
    periods,
    canCreate,
  };
}
