// The work inbox's coaching groups: the agent's sessions to acknowledge, anyone's agreed actions still to do, and
// for coaches the actions past their due day that wait for a follow-up (the supervisor: their team's; an assessor
// or the coordinator: their own sessions'). Each line leads to the session's page.
import { formatDay, wibDay } from "../../analytics/dates";
import type { InboxGroup } from "../../analytics/inbox";
import { can } from "../permissions";
import { awaitingAcknowledgement, openActions } from "./coaching";
import { dueByEndOf, group, type InboxContext } from "./inbox-group";
import { accessFor } from "./scope";

export async function coachingWork({ db, access, now }: InboxContext): Promise<InboxGroup[]> {
  const today = wibDay(now);
  const groups: InboxGroup[] = [];
  if (access.staffId && can(access.roles, "respond:coaching")) {
    const waiting = await awaitingAcknowledgement(db, access.staffId);
    if (waiting.length) {
      groups.push(
        group(
          "pembinaan-tanggapan",
          "Pembinaan menunggu tanggapan Anda",
          null,
          waiting.map((s) => ({
            text: `Pembinaan ${formatDay(s.heldOn)} oleh ${s.coach}`,
            to: `/pembinaan/${s.id}#tanggapan`,
            due: null,
            note: "baca lalu tanggapi",
          })),
          now,
        ),
      );
    }
  }
  const mine = await openActions(db, { ownerUserId: access.userId }, today);
  if (mine.length) {
    groups.push(
      group(
        "pembinaan-tindakan",
        "Tindakan pembinaan yang menjadi tugas Anda",
        null,
        mine.map((a) => ({
          text: a.agentStaffId === access.staffId ? a.description : `${a.agentName}: ${a.description}`,
          to: `/pembinaan/${a.sessionId}#tindakan`,
          due: dueByEndOf(a.dueOn),
        })),
        now,
      ),
    );
  }
  const manage = accessFor(access, "manage:coaching");
  if (manage) {
    // The supervisor follows their whole team and the Ketua Tim their group; the QA team follows the sessions
    // each of them held.
    const overdue = await openActions(
      db,
      manage.scope === "team" || manage.scope === "group" ? { overdueWithin: manage } : { coachUserId: access.userId },
      today,
    );
    const others = overdue.filter((a) => !mine.some((m) => m.id === a.id));
    if (others.length) {
      groups.push(
        group(
          "pembinaan-lewat",
          "Tindakan pembinaan lewat tenggat",
          null,
          others.map((a) => ({
            text: `${a.agentName}: ${a.description} (${a.owner})`,
            to: `/pembinaan/${a.sessionId}#tindakan`,
            due: dueByEndOf(a.dueOn),
            note: "catat tindak lanjutnya",
          })),
          now,
        ),
      );
    }
  }
  return groups;
}
