// The demo reports' follow-up (fixtures/demo-review.ts): status, answer, assignee, follow-up and the history
// lines, as the report page would have written them, dated after each report's day.
import { eq } from "drizzle-orm";
import { addDays } from "../analytics/dates";
import type { buildDemoReview } from "../fixtures/demo-review";
import type { Database } from "./client";
import { reportEvents, reports } from "./schema";

type FollowUp = ReturnType<typeof buildDemoReview>["followUps"][number];

/** 09:00 WIB on `day`. */
const morning = (day: string) => new Date(`${day}T09:00:00+07:00`);

export async function insertDemoFollowUps(
  tx: Database,
  filed: { id: number; authorUserId: number; reportDate: string }[],
  plans: readonly FollowUp[],
  who: { kasi: number; idOf: (username: string) => number },
) {
  for (const [i, report] of filed.entries()) {
    const events: (typeof reportEvents.$inferInsert)[] = [
      {
        reportId: report.id,
        status: "baru",
        note: "Laporan diajukan.",
        byUserId: report.authorUserId,
        at: morning(report.reportDate),
      },
    ];
    const plan = plans[i];
    if (plan) {
      const assignee = who.idOf(plan.assignee);
      const answeredAt = morning(addDays(report.reportDate, 1));
      const followedUpAt = plan.followUp ? morning(addDays(plan.followUpDue, -1)) : null;
      const closedAt = plan.closeNote ? morning(plan.followUpDue) : null;
      await tx
        .update(reports)
        .set({
          status: closedAt ? "selesai" : followedUpAt ? "ditindaklanjuti" : "ditanggapi",
          answer: plan.answer,
          answeredBy: who.kasi,
          answeredAt,
          assigneeUserId: assignee,
          followUpDue: plan.followUpDue,
          followUp: plan.followUp,
          followedUpAt,
          closedAt,
        })
        .where(eq(reports.id, report.id));
      events.push({ reportId: report.id, status: "ditanggapi", note: plan.answer, byUserId: who.kasi, at: answeredAt });
      if (plan.followUp && followedUpAt) {
        events.push({
          reportId: report.id,
          status: "ditindaklanjuti",
          note: plan.followUp,
          byUserId: assignee,
          at: followedUpAt,
        });
      }
      if (plan.closeNote && closedAt) {
        events.push({ reportId: report.id, status: "selesai", note: plan.closeNote, byUserId: who.kasi, at: closedAt });
      }
    }
    await tx.insert(reportEvents).values(events);
  }
}
