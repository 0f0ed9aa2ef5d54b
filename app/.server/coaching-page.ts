// The coaching session's page: what the viewer may do there (acknowledge as the agent, follow up and add actions
// as a coach who reaches the agent) and the one action its forms post to.
import { z } from "zod";
import { wibDay } from "../../analytics/dates";
import type { Actor } from "./audit";
import { type CoachingSession, findCoachingSession, getCoaching } from "./coaching";
import {
  acknowledgeCoaching,
  acknowledgeInput,
  actionInput,
  addCoachingAction,
  followUpAction,
  followUpInput,
  ownerChoices,
} from "./coaching-forms";
import type { Database } from "./db";
import { submitForm } from "./forms";
import { type Access, accessFor, reaches } from "./scope";

function mayManage(access: Access, session: CoachingSession) {
  const manage = accessFor(access, "manage:coaching");
  return (
    manage !== null &&
    session.agentStaffId !== access.staffId &&
    reaches(manage, { staffId: session.agentStaffId, teamId: session.teamId, groupName: session.groupName })
  );
}

const mayAcknowledge = (access: Access, session: CoachingSession) =>
  accessFor(access, "respond:coaching") !== null &&
  session.agentStaffId === access.staffId &&
  session.acknowledgedAt === null;

/** The page's data for `access` (read:coaching), or null when the session is not found within it. */
export async function coachingPage(db: Database, access: Access, id: number, now = new Date()) {
  const page = await getCoaching(db, access, id, wibDay(now));
  if (!page) return null;
  const manage = mayManage(access, page.session);
  const agent = {
    id: page.session.agentStaffId,
    teamId: page.session.teamId,
    groupName: page.session.groupName,
    fullName: page.session.agentName,
  };
  return {
    ...page,
    today: wibDay(now),
    can: { acknowledge: mayAcknowledge(access, page.session), manage },
    owners: manage ? await ownerChoices(db, agent, access.userId) : [],
  };
}

const intentInput = z.object({ intent: z.enum(["acknowledge", "follow_up", "add_action"]) });

/** Runs the form the viewer posted; null when they may not (the caller answers 403). */
export async function coachingAction(
  db: Database,
  actor: Actor & { id: number },
  access: Access,
  id: number,
  form: FormData,
) {
  const session = await findCoachingSession(db, access, id);
  if (!session) return { missing: true as const };
  const parsed = intentInput.safeParse({ intent: form.get("intent") });
  if (!parsed.success) return null;
  const { intent } = parsed.data;
  if (intent === "acknowledge") {
    if (accessFor(access, "respond:coaching") === null || session.agentStaffId !== access.staffId) return null;
    const result = await submitForm(acknowledgeInput, form, (input) =>
      acknowledgeCoaching(db, actor, session.agentStaffId, id, input.comment),
    );
    return { ...result, intent };
  }
  if (!mayManage(access, session)) return null;
  const agent = {
    id: session.agentStaffId,
    teamId: session.teamId,
    groupName: session.groupName,
    fullName: session.agentName,
  };
  const result =
    intent === "follow_up"
      ? await submitForm(followUpInput, form, (input) => followUpAction(db, actor, id, input))
      : await submitForm(actionInput, form, (input) => addCoachingAction(db, actor, session, agent, input));
  return { ...result, intent };
}
