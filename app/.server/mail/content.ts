// What each mail says, in Indonesian: short, what happened and what to do, and the page to open. Never a score
// (not in the subject, not in the body: a mail may be read on a shared screen or forwarded), never a NIP or a
// birth date, and only what the recipient may see on that page anyway.
import { formatDay, formatInstantWib } from "../../../analytics/dates";
import type { MailKind } from "../../../analytics/mail";
import { channelShortName } from "../../../analytics/organization";
import { periodFromId } from "../../../analytics/period";

export type MailText = { kind: MailKind; subject: string; body: string; linkPath: string; dedupeKey: string };

/** The evaluation in words: "evaluasi interaksi (Telepon, 1 Des 2026 09.30 WIB)" or "penilaian periode …". */
export type EvaluationWords = {
  id: number;
  kind: string;
  channel: string | null;
  interactionAt: Date | null;
  periodId: string;
};

export function evaluationWords(e: EvaluationWords): string {
  if (e.kind !== "interaction") return `penilaian ${periodFromId(e.periodId).label}`;
  const when = e.interactionAt ? `, ${formatInstantWib(e.interactionAt)}` : "";
  return `evaluasi interaksi (${channelShortName(e.channel ?? "")}${when})`;
}

export function evaluationReceived(e: EvaluationWords, deadline: Date): Omit<MailText, "dedupeKey"> {
  return {
    kind: "evaluation_received",
    subject: `Evaluasi baru untuk Anda, tanggapi sebelum ${formatInstantWib(deadline)}`,
    body: [
      `Penilai telah mengirim ${evaluationWords(e)} untuk Anda.`,
      `Baca hasil dan catatannya di Mutu, lalu konfirmasi atau sanggah sebelum ${formatInstantWib(deadline)}.`,
    ].join("\n"),
    linkPath: `/evaluasi/${e.id}`,
  };
}

export function disputeWindowClosing(e: EvaluationWords, deadline: Date): Omit<MailText, "dedupeKey"> {
  return {
    kind: "dispute_window_closing",
    subject: `Masa sanggah berakhir ${formatInstantWib(deadline)}`,
    body: [
      `Anda belum mengonfirmasi atau menyanggah ${evaluationWords(e)}.`,
      `Setelah ${formatInstantWib(deadline)} evaluasi ini tidak dapat lagi dikonfirmasi atau disanggah.`,
    ].join("\n"),
    linkPath: `/evaluasi/${e.id}`,
  };
}

export function disputeFiled(e: EvaluationWords, agentName: string): Omit<MailText, "dedupeKey"> {
  return {
    kind: "dispute_filed",
    subject: `Sanggahan baru dari ${agentName}`,
    body: [
      `${agentName} menyanggah ${evaluationWords(e)}.`,
      "Baca alasannya dan putuskan sanggahan ini di Mutu: nilai tetap atau disesuaikan.",
    ].join("\n"),
    linkPath: `/evaluasi/${e.id}/selesaikan`,
  };
}

export function disputeSettled(e: EvaluationWords, outcome: "upheld" | "adjusted"): Omit<MailText, "dedupeKey"> {
  return {
    kind: "dispute_settled",
    subject: "Sanggahan Anda telah diputuskan",
    body: [
      `Koordinator Penjamin Kualitas telah memutuskan sanggahan Anda atas ${evaluationWords(e)}: ${
        outcome === "adjusted" ? "nilai disesuaikan" : "nilai tetap"
      }.`,
      "Catatan penyelesaiannya dapat Anda baca di halaman evaluasi.",
    ].join("\n"),
    linkPath: `/evaluasi/${e.id}`,
  };
}

export function periodApproved(periodId: string, forAgent: boolean): Omit<MailText, "dedupeKey"> {
  const period = periodFromId(periodId);
  return {
    kind: "period_approved",
    subject: `${period.label.replace(/ \(.*$/, "")} telah disetujui`,
    body: [
      `Kepala Seksi telah menyetujui dan mengunci ${period.label}.`,
      forAgent ? "KPI Anda untuk periode ini kini final." : "KPI periode ini kini final.",
    ].join("\n"),
    linkPath: forAgent ? "/profil#kpi" : `/kpi?periode=${periodId}`,
  };
}

export type ReportAnswerWords = { reportId: number; title: string; assigneeName: string; followUpDue: string };

export function reportAnswered(r: ReportAnswerWords, asAssignee: boolean): Omit<MailText, "dedupeKey"> {
  return asAssignee
    ? {
        kind: "report_answered",
        subject: "Anda ditunjuk menindaklanjuti laporan",
        body: [
          `Kepala Seksi telah menanggapi laporan "${r.title}" dan menunjuk Anda untuk menindaklanjutinya.`,
          `Tenggat tindak lanjut: ${formatDay(r.followUpDue)}.`,
        ].join("\n"),
        linkPath: `/laporan/${r.reportId}`,
      }
    : {
        kind: "report_answered",
        subject: "Laporan Anda telah ditanggapi",
        body: [
          `Kepala Seksi telah menanggapi laporan "${r.title}".`,
          `Penanggung jawab tindak lanjut: ${r.assigneeName}, tenggat ${formatDay(r.followUpDue)}.`,
        ].join("\n"),
        linkPath: `/laporan/${r.reportId}`,
      };
}

export type CoachingDueWords = { title: string; dueDay: string; linkPath: string };

export function coachingDue(c: CoachingDueWords): Omit<MailText, "dedupeKey"> {
  return {
    kind: "coaching_due",
    subject: `Tindakan pembinaan jatuh tempo ${formatDay(c.dueDay)}`,
    body: [
      `Tindakan pembinaan yang menjadi tugas Anda jatuh tempo ${formatDay(c.dueDay)}:`,
      `"${c.title.length > 200 ? `${c.title.slice(0, 197)}…` : c.title}"`,
      "Setelah dikerjakan, tindak lanjutnya dicatat di halaman pembinaan.",
    ].join("\n"),
    linkPath: c.linkPath,
  };
}

/** The whole text of a single mail: its body, the link, and why the person gets it. */
export function singleText(row: { body: string; linkPath: string }, baseUrl: string): string {
  return `${row.body}\n\nBuka di Mutu: ${baseUrl}${row.linkPath}\n${footer(baseUrl)}`;
}

/** The daily digest: one line per item (its subject and link), oldest first. */
export function digestMail(rows: readonly { subject: string; linkPath: string }[], baseUrl: string) {
  const subject =
    rows.length === 1
      ? "Ringkasan harian Mutu: 1 pemberitahuan"
      : `Ringkasan harian Mutu: ${rows.length} pemberitahuan`;
  const lines = rows.map((r, i) => `${i + 1}. ${r.subject}\n   ${baseUrl}${r.linkPath}`);
  return {
    subject,
    text: `Pemberitahuan Mutu sejak ringkasan sebelumnya:\n\n${lines.join("\n\n")}\n${footer(baseUrl)}`,
  };
}

function footer(baseUrl: string): string {
  return `\n--\nSurel ini dikirim otomatis oleh Mutu; jangan dibalas.\nAtur surel yang Anda terima: ${baseUrl}/profil/surel`;
}
