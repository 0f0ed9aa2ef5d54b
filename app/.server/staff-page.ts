// What a person's page adds beyond their record, each part only for viewers whose roles cover it:
// certification (training, eligibility, decisions, certificates), the KPI of the last periods, and the person's
// evaluations with a way to score them (an agent's page is where an assessor finds them).
import { z } from "zod";
import { wibDay } from "../../analytics/dates";
import { periodOf, shiftPeriod } from "../../analytics/period";
import { can, type Role, scopeFor } from "../permissions";
import type { Actor } from "./audit";
import { certificationOf, decisionInput, recordDecision, withdrawDecision, withdrawInput } from "./certification";
import type { Database } from "./db";
import { listEvaluations } from "./evaluation-list";
import { submitConfirmed, submitForm } from "./forms";
import { agentKpi } from "./period-kpi";
import { evaluableAgents } from "./population";
import type { Settings } from "./settings";

type Viewer = { id: number; roles: readonly Role[]; staffId: number | null; teamId: number | null };
type Person = { id: number; teamId: number; position: string };

function covers(scope: string | null, viewer: Viewer, person: Person): boolean {
  return (
    scope === "any" ||
    (scope === "team" && viewer.teamId === person.teamId) ||
    (scope === "own" && viewer.staffId === person.id)
  );
}

export const KPI_PERIODS = 3;
/** The latest evaluations the staff page lists; the rest are one link away, on the evaluation list. */
export const RECENT_EVALUATIONS = 5;

export async function staffPageExtras(
  db: Database,
  person: Person,
  viewer: Viewer,
  settings: Settings,
  now = new Date(),
) {
  const certification = covers(scopeFor(viewer.roles, "read:training"), viewer, person)
    ? await certificationOf(db, person.id, person.position, wibDay(now))
    : null;
  // The last finished periods: the basis for judging someone capable.
  const periods = Array.from({ length: KPI_PERIODS }, (_, i) => shiftPeriod(periodOf(now).id, -1 - i).id);
  const evaluationScope = scopeFor(viewer.roles, "read:evaluation");
  const seesEvaluations = covers(evaluationScope, viewer, person);
  const kpi = seesEvaluations ? await agentKpi(db, person.id, periods, settings) : null;
  // Scoped in the query as on the evaluation list: another assessor's draft stays theirs.
  const listed =
    seesEvaluations && evaluationScope
      ? await listEvaluations(
          db,
          { ...viewer, userId: viewer.id, scope: evaluationScope },
          { agentId: person.id },
          settings["evaluation.disputeWindowDays"],
          now,
        )
      : null;
  const canEvaluate =
    can(viewer.roles, "create:evaluation") &&
    (await evaluableAgents(db, viewer.staffId)).some((a) => a.id === person.id);
  return {
    certification,
    kpi,
    evaluations: listed ? { recent: listed.rows.slice(0, RECENT_EVALUATIONS), total: listed.total } : null,
    canEvaluate,
    canOpenCertificates: covers(scopeFor(viewer.roles, "read:certificate"), viewer, person),
    canDecide: can(viewer.roles, "decide:capability"),
    canIssue: can(viewer.roles, "issue:certificate"),
  };
}

const intentInput = z.object({ intent: z.enum(["decide", "withdraw"]) });

/** The capability-decision forms of the staff page. */
export async function capabilityAction(db: Database, actor: Actor & { id: number }, staffId: number, form: FormData) {
  const parsed = intentInput.safeParse({ intent: form.get("intent") });
  const intent = parsed.success ? parsed.data.intent : "decide";
  const result =
    intent === "withdraw"
      ? await submitConfirmed(withdrawInput, form, (input) => withdrawDecision(db, actor, staffId, input))
      : await submitForm(decisionInput, form, (input) => recordDecision(db, actor, staffId, input));
  return { ...result, intent };
}
