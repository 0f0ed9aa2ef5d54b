// Written reports of the teams to the Kepala Seksi (regulation 3.1–3.3): kind, problem, related regulation,
// analysis, conclusion or recommendation, author, date and period.
import { asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { parseFormDate } from "../../analytics/dates";
import { REPORT_KINDS, type ReportKind } from "../../analytics/organization";
import { periodOfDay } from "../../analytics/period";
import { reportEvents, reports, users } from "../../db/schema";
import { type Actor, recordAudit } from "./audit";
import type { Database } from "./db";
import { InvalidInput } from "./errors";
import { assertPeriodOpen } from "./periods";

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} wajib diisi.` })
    .trim()
    .min(1, { error: `${label} wajib diisi.` })
    .max(max, { error: `${label} paling panjang ${max.toLocaleString("id-ID")} karakter.` });

export const reportInput = z.object({
  kind: z.enum(REPORT_KINDS.map((k) => k.code) as [ReportKind, ...ReportKind[]], { error: "Pilih jenis laporan." }),
  reportDate: z.string({ error: "Isi tanggal laporan." }).transform((v, ctx) => {
    const day = parseFormDate(v);
    if (!day)
      ctx.addIssue({
        code: "custom",
        message: "Tanggal tidak valid. Gunakan HH/BB/TTTT (05/01/2026), tahun 1900–2199.",
      });
    return day ?? "";
  }),
  problemAroseOn: z.string({ error: "Isi tanggal masalah mulai terjadi." }).transform((v, ctx) => {
    const day = parseFormDate(v);
    if (!day)
      ctx.addIssue({
        code: "custom",
        message: "Tanggal masalah muncul tidak valid. Gunakan HH/BB/TTTT (05/01/2026), tahun 1900–2199.",
      });
    return day ?? "";
  }),
  title: text("Judul", 200),
  problem: text("Permasalahan", 5000),
  regulation: text("Ketentuan terkait", 2000),
  analysis: text("Analisis", 10000),
  conclusion: text("Simpulan/rekomendasi", 5000),
});

/** Files a report; its period follows from its date (26th–25th). Refused into a locked period. */
export async function createReport(db: Database, actor: Actor & { id: number }, input: z.output<typeof reportInput>) {
  if (input.problemAroseOn > input.reportDate) {
    throw new InvalidInput({ problemAroseOn: "Masalah tidak mungkin muncul sesudah tanggal laporan." });
  }
  const periodId = periodOfDay(input.reportDate).id;
  await assertPeriodOpen(db, periodId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(reports)
      .values({ ...input, periodId, authorUserId: actor.id })
      .returning({ id: reports.id });
    if (!row) throw new Error("insert returned nothing");
    await tx
      .insert(reportEvents)
      .values({ reportId: row.id, status: "baru", note: "Laporan diajukan.", byUserId: actor.id });
    await recordAudit(tx, actor, { action: "report.create", entity: "report", entityId: row.id, after: input });
    return { id: row.id, periodId };
  });
}

const reportColumns = {
  id: reports.id,
  kind: reports.kind,
  periodId: reports.periodId,
  reportDate: reports.reportDate,
  title: reports.title,
  problem: reports.problem,
  regulation: reports.regulation,
  analysis: reports.analysis,
  conclusion: reports.conclusion,
  author: users.displayName,
  createdAt: reports.createdAt,
  problemAroseOn: reports.problemAroseOn,
  status: reports.status,
  answer: reports.answer,
  answeredBy: reports.answeredBy,
  answeredAt: reports.answeredAt,
  assigneeUserId: reports.assigneeUserId,
  assignee: sql<
    string | null
  >`(select ${users.displayName} from ${users} where ${users.id} = ${reports.assigneeUserId})`,
  followUpDue: reports.followUpDue,
  followUp: reports.followUp,
  followedUpAt: reports.followedUpAt,
  closedAt: reports.closedAt,
};

export async function getReport(db: Database, id: number) {
  const [row] = await db
    .select(reportColumns)
    .from(reports)
    .innerJoin(users, eq(users.id, reports.authorUserId))
    .where(eq(reports.id, id));
  return row ?? null;
}

/** The reports of a period, oldest first, with the author's name. */
export function listReports(db: Database, periodId: string) {
  return db
    .select(reportColumns)
    .from(reports)
    .innerJoin(users, eq(users.id, reports.authorUserId))
    .where(eq(reports.periodId, periodId))
    .orderBy(asc(reports.reportDate), asc(reports.id));
}
