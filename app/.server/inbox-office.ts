// The work inbox's groups for the office side (inbox.ts has the evaluation side): the Kepala Seksi's periods,
// certificates and decisions, the follow-up of reports, and HR's imports and refreshers.
import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import { formatInstantWib, wibDay } from "../../analytics/dates";
import type { InboxGroup } from "../../analytics/inbox";
import { periodOf } from "../../analytics/period";
import { importBatches, importUploads, reports } from "../../db/schema";
import { can } from "../permissions";
import { eligibilityList } from "./certification";
import { HeldWhileUnchanged } from "./data-version";
import { DAY_MS, dueByEndOf, group, type InboxContext } from "./inbox-group";
import { approvedAmong, periodsWithData } from "./periods";
import { refresherList } from "./refreshers";
import { accessFor, scopeKey } from "./scope";

/** Kepala Seksi: finished periods not yet approved, certificates to issue, capability decisions to record. */
// Everyone's eligibility, for the Kepala Seksi's inbox on every page they open: held until a training record,
// decision, certificate, staff record or setting changes (data-version.ts), and per day.
const heldEligibility = new HeldWhileUnchanged<Awaited<ReturnType<typeof eligibilityList>>>("certification", 16);

export async function headWork({ db, access, now }: InboxContext): Promise<InboxGroup[]> {
  if (!can(access.roles, "approve:period")) return [];
  const current = periodOf(now).id;
  const finished = (await periodsWithData(db, now, 12)).filter((p) => p.id < current);
  const approved = await approvedAmong(
    db,
    finished.map((p) => p.id),
  );
  const waiting = finished.filter((p) => !approved.has(p.id));
  const eligibility = can(access.roles, "issue:certificate") ? accessFor(access, "read:eligibility") : null;
  const day = wibDay(now);
  const people = eligibility
    ? await heldEligibility.get(db, `${scopeKey(eligibility)}|${day}`, () => eligibilityList(db, eligibility, {}, day))
    : [];
  const toIssue = people.filter((p) => p.eligible && p.certificate === null);
  // The same rule as the list's filter "keputusan" (certification.ts).
  const toDecide = people.filter((p) => !p.eligible && p.requirements.every((r) => r.met || r.key === "mampu"));
  return [
    waiting.length
      ? group(
          "periode",
          "Periode selesai yang menunggu persetujuan Anda",
          null,
          waiting.map((p) => ({
            text: p.label,
            to: `/kpi?periode=${p.id}`,
            due: null,
            note: "tinjau KPI lalu setujui dan kunci",
          })),
          now,
        )
      : null,
    toIssue.length
      ? group(
          "terbitkan",
          "Memenuhi syarat, sertifikat belum diterbitkan",
          "/kelayakan?status=layak&sertifikat=belum",
          toIssue.map((p) => ({
            text: p.fullName,
            to: `/sertifikat/baru?staf=${p.id}&peran=${p.role}`,
            due: null,
            note: p.teamName.replace(/^Tim Kerja /, ""),
          })),
          now,
        )
      : null,
    toDecide.length
      ? group(
          "keputusan-mampu",
          'Diklat lengkap, menunggu keputusan "dianggap mampu"',
          "/kelayakan?status=keputusan",
          toDecide.map((p) => ({
            text: p.fullName,
            to: `/staf/${p.id}#keputusan`,
            due: null,
            note: p.teamName.replace(/^Tim Kerja /, ""),
          })),
          now,
        )
      : null,
  ].filter((g): g is InboxGroup => g !== null);
}

/**
 * Reports (A.2.c, A.2.e): the Kepala Seksi's to answer, to close, and follow-ups past their due day; whoever was
 * named, the follow-ups they owe.
 */
export async function reportWork({ db, access, now }: InboxContext): Promise<InboxGroup[]> {
  if (!can(access.roles, "read:report")) return [];
  const open = await db
    .select({
      id: reports.id,
      title: reports.title,
      status: reports.status,
      reportDate: reports.reportDate,
      createdAt: reports.createdAt,
      assigneeUserId: reports.assigneeUserId,
      followUpDue: reports.followUpDue,
    })
    .from(reports)
    .where(sql`${reports.status} <> 'selesai'`)
    .orderBy(asc(reports.reportDate), asc(reports.id));
  const today = wibDay(now);
  const line = (r: (typeof open)[number], note: string, due: Date | null) => ({
    text: r.title,
    to: `/laporan/${r.id}#tindak-lanjut`,
    due,
    note,
  });
  const groups: InboxGroup[] = [];
  if (can(access.roles, "answer:report")) {
    const toAnswer = open.filter((r) => r.status === "baru");
    const toClose = open.filter((r) => r.status === "ditindaklanjuti");
    const late = open.filter((r) => r.status === "ditanggapi" && r.followUpDue !== null && r.followUpDue < today);
    if (toAnswer.length)
      groups.push(
        group(
          "laporan-tanggapi",
          "Laporan tim yang menunggu tanggapan Anda",
          null,
          toAnswer.map((r) => line(r, `diajukan ${formatInstantWib(r.createdAt)}`, null)),
          now,
        ),
      );
    if (late.length)
      groups.push(
        group(
          "laporan-terlambat",
          "Tindak lanjut laporan yang terlambat",
          null,
          late.map((r) => line(r, "belum ditindaklanjuti", dueByEndOf(r.followUpDue ?? today))),
          now,
        ),
      );
    if (toClose.length)
      groups.push(
        group(
          "laporan-tutup",
          "Laporan yang sudah ditindaklanjuti, siap ditutup",
          null,
          toClose.map((r) => line(r, "periksa tindak lanjutnya lalu tutup", null)),
          now,
        ),
      );
  }
  const mine = open.filter((r) => r.status === "ditanggapi" && r.assigneeUserId === access.userId);
  if (mine.length)
    groups.push(
      group(
        "laporan-tindak-lanjut",
        "Tindak lanjut laporan yang ditugaskan kepada Anda",
        null,
        mine.map((r) => line(r, "catat yang sudah dilakukan", r.followUpDue ? dueByEndOf(r.followUpDue) : null)),
        now,
      ),
    );
  return groups;
}

/** HR and whoever imports: imports saved in part, previews left unsaved, refreshers due. */
export async function importAndTrainingWork({ db, access, now }: InboxContext): Promise<InboxGroup[]> {
  const groups: InboxGroup[] = [];
  if (can(access.roles, "import:data")) {
    const since = new Date(now.getTime() - 30 * DAY_MS);
    const partial = await db
      .select({
        id: importBatches.id,
        fileName: importBatches.fileName,
        errors: importBatches.errors,
        createdAt: importBatches.createdAt,
      })
      .from(importBatches)
      .where(
        and(
          eq(importBatches.createdBy, access.userId),
          gt(importBatches.errors, 0),
          isNull(importBatches.undoneAt),
          gt(importBatches.createdAt, since),
        ),
      )
      .orderBy(asc(importBatches.createdAt));
    const unsaved = await db
      .select({ id: importUploads.id, fileName: importUploads.fileName, uploadedAt: importUploads.uploadedAt })
      .from(importUploads)
      .where(
        and(
          eq(importUploads.uploadedBy, access.userId),
          isNull(importUploads.batchId),
          gt(importUploads.uploadedAt, new Date(now.getTime() - 7 * DAY_MS)),
        ),
      )
      .orderBy(asc(importUploads.uploadedAt));
    if (partial.length) {
      groups.push(
        group(
          "impor-sebagian",
          "Impor yang tersimpan sebagian (30 hari terakhir)",
          null,
          partial.map((b) => ({
            text: `Impor #${b.id} ${b.fileName}`,
            to: `/impor/riwayat/${b.id}`,
            due: null,
            note: `${b.errors} kesalahan tidak ikut tersimpan: perbaiki barisnya lalu impor lagi`,
          })),
          now,
        ),
      );
    }
    if (unsaved.length) {
      groups.push(
        group(
          "pratinjau",
          "Pratinjau impor yang belum disimpan atau dibatalkan",
          null,
          unsaved.map((u) => ({
            text: u.fileName,
            to: `/impor/${u.id}`,
            due: null,
            note: `diunggah ${formatInstantWib(u.uploadedAt)}`,
          })),
          now,
        ),
      );
    }
  }
  const training = accessFor(access, "manage:training_record");
  if (training) {
    const lines = await refresherList(db, wibDay(now), training);
    if (lines.length) {
      const overdue = lines.filter((l) => l.overdue).length;
      groups.push({
        ...group(
          "penyegaran",
          "Penyegaran jatuh tempo",
          "/pelatihan/penyegaran",
          lines.map((l) => ({
            text: `${l.fullName}: ${l.courseCode}`,
            to: "/pelatihan/penyegaran",
            due: new Date(`${l.dueDate}T00:00:00+07:00`),
          })),
          now,
        ),
        summary: `${overdue} lewat waktu, ${lines.length - overdue} jatuh tempo dalam 30 hari.`,
      });
    }
  }
  return groups;
}
