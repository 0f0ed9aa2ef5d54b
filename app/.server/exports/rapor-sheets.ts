// The sheets of an agent's own report (rapor.ts): their KPI per period, their evaluations with the assessor's
// note, their answer and the dispute's outcome, every item score with its clause, their training and their
// certificates. Every query here is limited to one staff record, chosen by the caller.
import { and, asc, desc, eq, gte, inArray, lte, ne } from "drizzle-orm";
import { certificateRoleLabel } from "../../../analytics/eligibility";
import { itemScore, type Scale, SECTION_LABELS, type Section } from "../../../analytics/scoring";
import { certificates, evaluationScores, evaluations, scorecardItems, users } from "../../../db/schema";
import type { Database } from "../db";
import type { AgentPeriodKpi } from "../period-kpi";
import { COURSE_CATEGORIES, type trainingOf } from "../training";
import { type Column, excelDay, excelWib, yesNo } from "../workbook/cells";
import { judgedColumns, scoreColumns } from "./evaluation-columns";

const SETTLEMENTS: Record<string, string> = { upheld: "Nilai tetap", adjusted: "Nilai disesuaikan" };
const TRAINING_STATUS: Record<string, string> = { lulus: "Lulus", tidak_lulus: "Tidak lulus", selesai: "Selesai" };
const categoryLabel = (code: string) => COURSE_CATEGORIES.find((c) => c.code === code)?.label ?? code;

export const KPI_COLUMNS: readonly Column<AgentPeriodKpi>[] = [
  { header: "Periode", width: 44, kind: "text", value: (k) => k.label },
  { header: "Jumlah Evaluasi", width: 11, kind: "integer", value: (k) => k.evaluations },
  { header: "Hardskill", width: 11, kind: "score", value: (k) => k.dimensions.hardskill },
  { header: "Softskill", width: 11, kind: "score", value: (k) => k.dimensions.softskill },
  { header: "Kedisiplinan", width: 13, kind: "score", value: (k) => k.dimensions.kedisiplinan },
  { header: "Skor CPH", width: 10, kind: "score", value: (k) => k.dimensions.cph },
  { header: "Nilai Akhir", width: 11, kind: "score", value: (k) => k.kpi.score },
  { header: "Predikat", width: 16, kind: "text", value: (k) => k.predikat ?? "Belum ada data" },
];

/** The agent's sent evaluations of the periods `fromId`–`toId` (drafts are their assessor's alone). */
export function agentEvaluations(db: Database, staffId: number, fromId: string, toId: string) {
  return db
    .select({
      id: evaluations.id,
      kind: evaluations.kind,
      periodId: evaluations.periodId,
      interactionAt: evaluations.interactionAt,
      channel: evaluations.channel,
      interactionRef: evaluations.interactionRef,
      assessor: users.displayName,
      hardskill: evaluations.hardskill,
      softskill: evaluations.softskill,
      kedisiplinan: evaluations.kedisiplinan,
      cphScore: evaluations.cphScore,
      total: evaluations.total,
      criticalFailed: evaluations.criticalFailed,
      state: evaluations.state,
      note: evaluations.note,
      submittedAt: evaluations.submittedAt,
      acknowledgedAt: evaluations.acknowledgedAt,
      disputedAt: evaluations.disputedAt,
      disputeReason: evaluations.disputeReason,
      settledAt: evaluations.settledAt,
      settlement: evaluations.settlement,
      settlementNote: evaluations.settlementNote,
    })
    .from(evaluations)
    .innerJoin(users, eq(users.id, evaluations.assessorUserId))
    .where(
      and(
        eq(evaluations.agentStaffId, staffId),
        ne(evaluations.state, "draft"),
        gte(evaluations.periodId, fromId),
        lte(evaluations.periodId, toId),
      ),
    )
    .orderBy(asc(evaluations.periodId), asc(evaluations.interactionAt), asc(evaluations.id));
}
type EvaluationRow = Awaited<ReturnType<typeof agentEvaluations>>[number];

export const EVALUATION_COLUMNS: readonly Column<EvaluationRow>[] = [
  ...judgedColumns<EvaluationRow>(),
  { header: "Penilai", width: 26, kind: "text", value: (e) => e.assessor },
  ...scoreColumns<EvaluationRow>(),
  { header: "Catatan Penilai", width: 50, kind: "wrap", value: (e) => e.note || null },
  { header: "Dikirim (WIB)", width: 17, kind: "datetime", value: (e) => excelWib(e.submittedAt) },
  { header: "Dikonfirmasi (WIB)", width: 17, kind: "datetime", value: (e) => excelWib(e.acknowledgedAt) },
  { header: "Disanggah (WIB)", width: 17, kind: "datetime", value: (e) => excelWib(e.disputedAt) },
  { header: "Alasan Sanggahan Saya", width: 50, kind: "wrap", value: (e) => e.disputeReason },
  {
    header: "Hasil Sanggahan",
    width: 18,
    kind: "text",
    value: (e) => (e.settlement ? (SETTLEMENTS[e.settlement] ?? e.settlement) : null),
  },
  { header: "Catatan Penyelesaian", width: 50, kind: "wrap", value: (e) => e.settlementNote },
  { header: "Diselesaikan (WIB)", width: 17, kind: "datetime", value: (e) => excelWib(e.settledAt) },
];

/** Every item score of `evaluationIds`, in the evaluation's order and then the template's. */
export function agentItemScores(db: Database, evaluationIds: number[]) {
  return db
    .select({
      evaluationId: evaluationScores.evaluationId,
      code: scorecardItems.code,
      text: scorecardItems.text,
      clause: scorecardItems.clause,
      section: scorecardItems.section,
      scale: scorecardItems.scale,
      value: evaluationScores.value,
      comment: evaluationScores.comment,
    })
    .from(evaluationScores)
    .innerJoin(scorecardItems, eq(scorecardItems.id, evaluationScores.itemId))
    .where(inArray(evaluationScores.evaluationId, evaluationIds.length > 0 ? evaluationIds : [0]))
    .orderBy(asc(evaluationScores.evaluationId), asc(scorecardItems.position), asc(scorecardItems.id));
}
type ItemRow = Awaited<ReturnType<typeof agentItemScores>>[number];

export const ITEM_COLUMNS: readonly Column<ItemRow>[] = [
  { header: "ID Evaluasi", width: 11, kind: "integer", value: (r) => r.evaluationId },
  { header: "Kode Butir", width: 10, kind: "text", value: (r) => r.code },
  { header: "Butir", width: 60, kind: "wrap", value: (r) => r.text },
  { header: "Dasar (KEP-165/BC/2014)", width: 16, kind: "text", value: (r) => r.clause || null },
  { header: "Bagian", width: 13, kind: "text", value: (r) => SECTION_LABELS[r.section as Section] ?? r.section },
  {
    header: "Nilai",
    width: 8,
    kind: "integer",
    value: (r) => (r.value === null ? "N/A" : r.scale === "ya_tidak" ? yesNo(r.value === 1) : r.value),
  },
  {
    header: "Skor Butir (0–100)",
    width: 12,
    kind: "score",
    value: (r) => (r.value === null ? null : itemScore(r.scale as Scale, r.value)),
  },
  { header: "Komentar Penilai", width: 50, kind: "wrap", value: (r) => r.comment || null },
];

type TrainingRow = Awaited<ReturnType<typeof trainingOf>>[number];

export const TRAINING_COLUMNS: readonly Column<TrainingRow>[] = [
  { header: "Kode", width: 12, kind: "text", value: (t) => t.code },
  { header: "Pelatihan", width: 40, kind: "wrap", value: (t) => t.name },
  { header: "Kategori", width: 30, kind: "text", value: (t) => categoryLabel(t.category) },
  { header: "Mulai", width: 12, kind: "date", value: (t) => excelDay(t.startDate) },
  { header: "Selesai", width: 12, kind: "date", value: (t) => excelDay(t.endDate) },
  { header: "Jam", width: 8, kind: "decimal", value: (t) => t.hours },
  { header: "Status", width: 12, kind: "text", value: (t) => TRAINING_STATUS[t.status] ?? t.status },
  { header: "Nilai", width: 8, kind: "score", value: (t) => t.score },
  { header: "Penyelenggara", width: 30, kind: "text", value: (t) => t.provider },
  { header: "Nomor Sertifikat Pelatihan", width: 24, kind: "text", value: (t) => t.certificateNumber },
];

/** The agent's certificates, newest first, revoked ones included (the register says so). */
export function agentCertificates(db: Database, staffId: number) {
  return db
    .select({
      number: certificates.number,
      role: certificates.qualifiedRole,
      issuedOn: certificates.issuedOn,
      revokedAt: certificates.revokedAt,
      revokeReason: certificates.revokeReason,
    })
    .from(certificates)
    .where(eq(certificates.staffId, staffId))
    .orderBy(desc(certificates.issuedOn), desc(certificates.id));
}
type CertificateRow = Awaited<ReturnType<typeof agentCertificates>>[number];

export const CERTIFICATE_COLUMNS: readonly Column<CertificateRow>[] = [
  { header: "Nomor", width: 16, kind: "text", value: (c) => c.number },
  { header: "Keahlian", width: 18, kind: "text", value: (c) => certificateRoleLabel(c.role) },
  { header: "Tanggal", width: 12, kind: "date", value: (c) => excelDay(c.issuedOn) },
  { header: "Status", width: 12, kind: "text", value: (c) => (c.revokedAt ? "Dicabut" : "Berlaku") },
  { header: "Dicabut (WIB)", width: 17, kind: "datetime", value: (c) => excelWib(c.revokedAt) },
  { header: "Alasan Pencabutan", width: 40, kind: "wrap", value: (c) => c.revokeReason },
];
