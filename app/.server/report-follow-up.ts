// The follow-up of a team's written report (A.2.c, A.2.e): the Kepala Seksi answers it and names who follows it
// up by when; that person records what was done; the Kepala Seksi closes it. Each step only from the status
// before it (two people acting at once cannot both succeed), in one transaction with its history line and audit.
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { parseFormDate, wibDay } from "../../analytics/dates";
import { REPORT_STEPS, type ReportStep, reportStatusLabel } from "../../analytics/report-follow-up";
import { reportEvents, reports, users } from "../../db/schema";
import { type Actor, recordAudit } from "./audit";
import type { Database } from "./db";
import { InvalidInput, UserFacingError } from "./errors";
import { submitConfirmed, submitForm } from "./forms";
import { mailReportAnswered } from "./mail/events";

/** Who may be asked to follow a report up: the Kepala Seksi, the QA coordinator and the supervisors. */
const ASSIGNABLE_ROLES = ["kepala_seksi", "koordinator_qa", "supervisor"];

export function assignableUsers(db: Database) {
  return db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(
      and(
        isNull(users.disabledAt),
        sql`${users.roles} && array[${sql.join(
          ASSIGNABLE_ROLES.map((r) => sql`${r}`),
          sql`, `,
        )}]::text[]`,
      ),
    )
    .orderBy(asc(users.displayName));
}

const note = (what: string, min: number) =>
  z
    .string({ error: `Tuliskan ${what}.` })
    .trim()
    .min(min, { error: `Tuliskan ${what} (minimal ${min} karakter).` })
    .max(5000, { error: "Paling panjang 5.000 karakter." });

export const answerInput = z.object({
  answer: note("tanggapan Anda", 10),
  assigneeUserId: z.coerce
    .number({ error: "Pilih penanggung jawab tindak lanjut." })
    .int()
    .positive({ error: "Pilih penanggung jawab tindak lanjut." }),
  followUpDue: z.string({ error: "Isi tenggat tindak lanjut." }).transform((value, ctx) => {
    const day = parseFormDate(value);
    if (!day) {
      ctx.addIssue({ code: "custom", message: "Tenggat tidak valid. Gunakan HH/BB/TTTT, misalnya 15/12/2026." });
      return z.NEVER;
    }
    if (day < wibDay(new Date())) {
      ctx.addIssue({ code: "custom", message: "Tenggat tidak boleh sebelum hari ini." });
      return z.NEVER;
    }
    return day;
  }),
});
export const followUpInput = z.object({ followUp: note("tindak lanjut yang sudah dilakukan", 10) });
export const closeInput = z.object({ note: note("catatan penutupan", 5) });

/** Moves the report one step, or refuses with what happened instead; returns nothing. */
async function step(
  db: Database,
  actor: Actor & { id: number },
  id: number,
  which: ReportStep,
  set: Partial<typeof reports.$inferInsert>,
  words: string,
  onlyAssignee = false,
) {
  const { from, to } = REPORT_STEPS[which];
  await db.transaction(async (tx) => {
    const [done] = await tx
      .update(reports)
      .set({ ...set, status: to })
      .where(
        and(
          eq(reports.id, id),
          eq(reports.status, from),
          onlyAssignee ? eq(reports.assigneeUserId, actor.id) : undefined,
        ),
      )
      .returning({ id: reports.id });
    if (!done) {
      const [now] = await tx
        .select({ status: reports.status, assigneeUserId: reports.assigneeUserId })
        .from(reports)
        .where(eq(reports.id, id));
      if (!now) throw new UserFacingError("Laporan ini tidak ditemukan.");
      if (onlyAssignee && now.status === from && now.assigneeUserId !== actor.id) {
        throw new UserFacingError(
          "Hanya penanggung jawab yang ditunjuk Kepala Seksi yang dapat mencatat tindak lanjut.",
        );
      }
      throw new UserFacingError(
        `Laporan ini sudah berstatus ${reportStatusLabel(now.status)}, mungkin baru saja diubah pengguna lain. Muat ulang halaman untuk melihatnya.`,
      );
    }
    await tx.insert(reportEvents).values({ reportId: id, status: to, note: words, byUserId: actor.id });
    // Answering tells the report's author and the person named (in this transaction: a refused step queues nothing).
    if (which === "answer") await mailReportAnswered(tx, id);
    await recordAudit(tx, actor, {
      action: `report.${which}`,
      entity: "report",
      entityId: id,
      before: { status: from },
      after: { status: to, ...set },
    });
  });
}

export async function answerReport(
  db: Database,
  actor: Actor & { id: number },
  id: number,
  input: z.output<typeof answerInput>,
) {
  const allowed = await assignableUsers(db);
  if (!allowed.some((u) => u.id === input.assigneeUserId)) {
    throw new InvalidInput({
      assigneeUserId: "Pilih penanggung jawab dari daftar: Kepala Seksi, koordinator, atau supervisor yang aktif.",
    });
  }
  await step(
    db,
    actor,
    id,
    "answer",
    {
      answer: input.answer,
      answeredBy: actor.id,
      answeredAt: new Date(),
      assigneeUserId: input.assigneeUserId,
      followUpDue: input.followUpDue,
    },
    input.answer,
  );
}

export const recordFollowUp = (db: Database, actor: Actor & { id: number }, id: number, text: string) =>
  step(db, actor, id, "follow_up", { followUp: text, followedUpAt: new Date() }, text, true);

export const closeReport = (db: Database, actor: Actor & { id: number }, id: number, text: string) =>
  step(db, actor, id, "close", { closedAt: new Date() }, text);

/** The report's history, oldest first, with who moved it. */
export function reportHistory(db: Database, id: number) {
  return db
    .select({ status: reportEvents.status, note: reportEvents.note, at: reportEvents.at, by: users.displayName })
    .from(reportEvents)
    .innerJoin(users, eq(users.id, reportEvents.byUserId))
    .where(eq(reportEvents.reportId, id))
    .orderBy(asc(reportEvents.at), asc(reportEvents.id));
}

/** Display names of users by id (the assignee and the one who answered), in one query. */
export async function namesOf(db: Database, ids: (number | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map<number, string>();
  const rows = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

const intentInput = z.object({ intent: z.enum(["answer", "follow_up", "close"]) });

/**
 * The report page's forms: `answer` and `close` need the Kepala Seksi's permission (checked by the caller with
 * `mayAnswer`), `follow_up` the assignee. Returns the form result with its intent; a refused permission is null.
 */
export async function reportAction(
  db: Database,
  actor: Actor & { id: number },
  id: number,
  form: FormData,
  mayAnswer: boolean,
) {
  const parsed = intentInput.safeParse({ intent: form.get("intent") });
  if (!parsed.success) return null;
  const { intent } = parsed.data;
  if (intent !== "follow_up" && !mayAnswer) return null;
  const result =
    intent === "answer"
      ? await submitForm(answerInput, form, (input) => answerReport(db, actor, id, input))
      : intent === "follow_up"
        ? await submitForm(followUpInput, form, (input) => recordFollowUp(db, actor, id, input.followUp))
        : await submitConfirmed(closeInput, form, (input) => closeReport(db, actor, id, input.note));
  return { ...result, intent };
}
