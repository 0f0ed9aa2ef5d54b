// The demo's coaching, relative to "now": the demo petugas was coached by the demo penilai three days ago on their
// two lowest evaluations and has not yet acknowledged it (their inbox); one action is theirs for next week, the
// assessor's own is a day overdue (the assessor's and the supervisor's inbox). A colleague of the same team had a
// session a month ago, acknowledged and followed up (one action done, one not), to show a finished one.
import { and, asc, eq, lt, ne } from "drizzle-orm";
import { addDays, wibDay } from "../analytics/dates";
import type { Database } from "./client";
import { coachingActions, coachingSessionEvaluations, coachingSessions, evaluations, staff } from "./schema";

/** 09:00 WIB on `day`. */
const morning = (day: string) => new Date(`${day}T09:00:00+07:00`);

/** The agent's lowest-scored interactions before `day` (WIB), the basis a coach would pick. */
async function lowest(tx: Database, agentStaffId: number, count: number, day: string) {
  return tx
    .select({ id: evaluations.id })
    .from(evaluations)
    .where(
      and(
        eq(evaluations.agentStaffId, agentStaffId),
        eq(evaluations.kind, "interaction"),
        ne(evaluations.state, "draft"),
        lt(evaluations.interactionAt, new Date(`${day}T00:00:00+07:00`)),
      ),
    )
    .orderBy(asc(evaluations.total), asc(evaluations.id))
    .limit(count);
}

export async function insertDemoCoaching(
  tx: Database,
  who: { now: Date; agentStaffId: number; agentUserId: number; assessorUserId: number; coordinatorUserId: number },
) {
  const today = wibDay(who.now);
  const heldOn = addDays(today, -3);
  const [session] = await tx
    .insert(coachingSessions)
    .values({
      agentStaffId: who.agentStaffId,
      coachUserId: who.assessorUserId,
      heldOn,
      observation:
        "Salam pembuka tidak lengkap dan penutupan tidak menawarkan bantuan lain; informasi tarif disampaikan tanpa menyebut dasar ketentuannya.",
      createdAt: morning(heldOn),
    })
    .returning({ id: coachingSessions.id });
  if (!session) throw new Error("demo coaching not inserted");
  const from = await lowest(tx, who.agentStaffId, 2, heldOn);
  if (from.length) {
    await tx
      .insert(coachingSessionEvaluations)
      .values(from.map((e) => ({ sessionId: session.id, evaluationId: e.id })));
  }
  await tx.insert(coachingActions).values([
    {
      sessionId: session.id,
      description: "Menerapkan salam pembuka dan penutup baku pada setiap panggilan",
      ownerUserId: who.agentUserId,
      dueOn: addDays(today, 7),
    },
    {
      sessionId: session.id,
      description: "Mendengarkan bersama lima rekaman panggilan petugas dan memberi umpan balik",
      ownerUserId: who.assessorUserId,
      dueOn: addDays(today, -1),
    },
  ]);

  // A colleague in the same team, coached a month ago by the coordinator: acknowledged, followed up.
  const [mine] = await tx.select({ teamId: staff.teamId }).from(staff).where(eq(staff.id, who.agentStaffId));
  const [colleague] = mine
    ? await tx
        .select({ id: staff.id })
        .from(staff)
        .where(
          and(eq(staff.teamId, mine.teamId), eq(staff.position, "petugas_layanan"), ne(staff.id, who.agentStaffId)),
        )
        .orderBy(asc(staff.id))
        .limit(1)
    : [];
  if (!colleague) return;
  const earlier = addDays(today, -30);
  const [done] = await tx
    .insert(coachingSessions)
    .values({
      agentStaffId: colleague.id,
      coachUserId: who.coordinatorUserId,
      heldOn: earlier,
      observation: "Waktu penanganan surel melebihi satu hari kerja; jawaban belum merujuk ketentuan yang berlaku.",
      acknowledgedAt: morning(addDays(earlier, 1)),
      agentComment: "Saya akan memakai templat jawaban yang sudah disetujui.",
      createdAt: morning(earlier),
    })
    .returning({ id: coachingSessions.id });
  if (!done) return;
  const basis = await lowest(tx, colleague.id, 1, earlier);
  if (basis.length) {
    await tx.insert(coachingSessionEvaluations).values(basis.map((e) => ({ sessionId: done.id, evaluationId: e.id })));
  }
  const followedUp = morning(addDays(earlier, 14));
  await tx.insert(coachingActions).values([
    {
      sessionId: done.id,
      description: "Memantau waktu jawab surel petugas selama dua minggu",
      ownerUserId: who.coordinatorUserId,
      dueOn: addDays(earlier, 14),
      outcome: "tercapai",
      outcomeNote: "Sepuluh surel terakhir dijawab di hari yang sama.",
      outcomeBy: who.coordinatorUserId,
      outcomeAt: followedUp,
    },
    {
      sessionId: done.id,
      description: "Memeriksa rujukan ketentuan pada lima jawaban tarif berikutnya",
      ownerUserId: who.coordinatorUserId,
      dueOn: addDays(earlier, 14),
      outcome: "tidak_tercapai",
      outcomeNote: "Dua dari lima jawaban belum menyebut ketentuan; dibahas lagi pada evaluasi berikutnya.",
      outcomeBy: who.coordinatorUserId,
      outcomeAt: followedUp,
    },
  ]);
}
