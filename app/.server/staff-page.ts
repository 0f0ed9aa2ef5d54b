// What a person's page adds beyond their record, each part only for viewers whose roles reach that person:
// certification (training, eligibility, decisions, certificates), the KPI of the last periods with the training
// it suggests, their coaching, and the person's evaluations with a way to score them (an agent's page is where an assessor finds
// them).
import { wibDay } from "../../analytics/dates";
import { periodOf, shiftPeriod } from "../../analytics/period";
import { can, type PermissionKey } from "../permissions";
import { certificationOf } from "./certification";
import { listCoaching } from "./coaching";
import type { Database } from "./db";
import { listEvaluations } from "./evaluation-list";
import { agentKpi } from "./period-kpi";
import { evaluableAgents } from "./population";
import { type Access, accessFor, reaches } from "./scope";
import type { Settings } from "./settings";
import { personTrainingNeeds } from "./training-needs";

type Person = { id: number; teamId: number; groupName: string | null; position: string };

/** The viewer under `permission` when it reaches `person` (their own record, their team, everyone), else null. */
function reaching(access: Access, permission: PermissionKey, person: Person): Access | null {
  const granted = accessFor(access, permission);
  return granted && reaches(granted, { staffId: person.id, ...person }) ? granted : null;
}

export const KPI_PERIODS = 3;
/** The latest evaluations the staff page lists; the rest are one link away, on the evaluation list. */
export const RECENT_EVALUATIONS = 5;

export async function staffPageExtras(
  db: Database,
  person: Person,
  access: Access,
  settings: Settings,
  now = new Date(),
) {
  const certification = reaching(access, "read:training", person)
    ? await certificationOf(db, person.id, person.position, wibDay(now))
    : null;
  // The last finished periods: the basis for judging someone capable.
  const periods = Array.from({ length: KPI_PERIODS }, (_, i) => shiftPeriod(periodOf(now).id, -1 - i).id);
  const evaluations = reaching(access, "read:evaluation", person);
  const kpi = evaluations ? await agentKpi(db, person.id, periods, settings) : null;
  // Whoever may see the KPI sees what it suggests, from the same numbers.
  const trainingNeeds =
    evaluations && kpi
      ? await personTrainingNeeds(db, evaluations, person.id, kpi, settings["kpi.threshold"], wibDay(now))
      : null;
  // Scoped in the query as on the evaluation list: another assessor's draft stays theirs.
  const listed = evaluations
    ? await listEvaluations(db, evaluations, { agentId: person.id }, settings["evaluation.disputeWindowDays"], now)
    : null;
  const coachingAccess = reaching(access, "read:coaching", person);
  const coaching = coachingAccess
    ? (await listCoaching(db, coachingAccess, { agentId: person.id }, wibDay(now))).map(({ actions, ...r }) => ({
        ...r,
        actions: actions.map((a) => a.id),
      }))
    : null;
  const canEvaluate =
    can(access.roles, "create:evaluation") &&
    (await evaluableAgents(db, access.staffId)).some((a) => a.id === person.id);
  return {
    certification,
    kpi,
    trainingNeeds,
    evaluations: listed ? { recent: listed.rows.slice(0, RECENT_EVALUATIONS), total: listed.total } : null,
    canEvaluate,
    coaching,
    canCoach: person.id !== access.staffId && reaching(access, "manage:coaching", person) !== null,
    canOpenCertificates: reaching(access, "read:certificate", person) !== null,
    // The course page is HR's catalogue (manage:training); others read the course's name only.
    canOpenCourses: can(access.roles, "manage:training"),
    canDecide: can(access.roles, "decide:capability"),
    canIssue: can(access.roles, "issue:certificate"),
  };
}
