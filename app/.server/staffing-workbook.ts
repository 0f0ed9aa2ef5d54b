// The staffing plan of a week as a workbook (issue 6), for the download on the workforce page and for
// `npm run mutu -- export staffing`: a summary sheet "Ringkasan" (the week, what the forecast is based on, the
// targets, the totals), then one sheet per channel with its intervals as rows. Every number comes from
// weekStaffing, so the page and the file agree. Written in the workbook shell (workbook/shell.ts) with the cell
// helpers of workbook/cells.ts (text never a formula, shared styles, frozen and filtered headers), like the KPI one.
import { type IsoWeek, isoWeek, weekdayName } from "../../analytics/dates";
import { CHANNELS } from "../../analytics/organization";
import { patienceWords } from "../../analytics/patience";
import {
  MODEL_LABELS,
  type PlanInterval,
  STATUS_LABELS,
  type StaffingStatus,
  type StaffingTotals,
} from "../../analytics/staffing";
import { type WhatIf, whatIfWords } from "../../analytics/staffing-what-if";
import { formatClock } from "../../analytics/workforce-time";
import type { Database } from "./db";
import type { Settings } from "./settings";
import { type WeekStaffing, weekStaffing } from "./staffing";
import { writeTeamAdherenceSheet } from "./workbook/adherence";
import {
  addCells,
  addHeader,
  type Book,
  type Cell,
  type Column,
  cell,
  excelDay,
  keepPace,
  type Style,
  TableSheet,
  WorkbookAborted,
  yesNo,
} from "./workbook/cells";
import { madeRows, openSummarySheet, type WorkbookOptions, workbookStream, writeWorkbook } from "./workbook/shell";

export { WorkbookAborted };

/** 'Rencana_Staf_2026-W49_2026-11-30_2026-12-06.xlsx' */
export const staffingWorkbookName = (weekId: string) => {
  const week = isoWeek(weekId);
  return `Rencana_Staf_${week.id}_${week.monday}_${week.sunday}.xlsx`;
};

const percent = (share: number | null) => (share === null ? null : share * 100);
/** An interval's end as a clock time; the last interval of a day ends at 24:00, not 00:00. */
const endClock = (minute: number) => (minute === 24 * 60 ? "24:00" : formatClock(minute));

// Excel's pale fills: red for short, yellow for over, green for enough (the colours of the KPI's predikat).
const STATUS_STYLES: Record<StaffingStatus, Style> = {
  kurang: { numFmt: "@", fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } } },
  lebih: { numFmt: "@", fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFEB9C" } } },
  cukup: { numFmt: "@", fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFC6EFCE" } } },
};

/** The columns of a channel's sheet: what Erlang C and Erlang A need side by side; "Selisih" and "Status" under the
 * driving model (said on the summary). "Perkiraan …" and "Okupansi" are what the rostered agents are expected to
 * achieve after shrinkage; the agents needed meet the target by construction. */
export const INTERVAL_COLUMNS: Column<PlanInterval>[] = [
  { header: "Hari", width: 9, kind: "text", value: (i) => weekdayName(i.weekday) },
  { header: "Tanggal", width: 11, kind: "date", value: (i) => excelDay(i.day) },
  { header: "Mulai (WIB)", width: 8, kind: "text", value: (i) => formatClock(i.startMinute) },
  { header: "Selesai", width: 8, kind: "text", value: (i) => endClock(i.endMinute) },
  { header: "Perkiraan kontak", width: 10, kind: "decimal", value: (i) => i.forecastCalls },
  { header: "Waktu penanganan (detik)", width: 11, kind: "integer", value: (i) => i.ahtSeconds },
  { header: "Trafik (Erlang)", width: 9, kind: "score", value: (i) => i.trafficErlangs },
  { header: "Petugas dibutuhkan Erlang C", width: 10, kind: "integer", value: (i) => i.erlangC.agents },
  { header: "Posisi Erlang C", width: 10, kind: "integer", value: (i) => i.erlangC.positions },
  { header: "Petugas dibutuhkan Erlang A", width: 10, kind: "integer", value: (i) => i.erlangA.agents },
  { header: "Posisi Erlang A", width: 10, kind: "integer", value: (i) => i.erlangA.positions },
  { header: "Dijadwalkan", width: 11, kind: "integer", value: (i) => i.rostered },
  { header: "Selisih", width: 8, kind: "integer", value: (i) => i.difference },
  {
    header: "Status",
    width: 9,
    kind: "text",
    value: (i) => STATUS_LABELS[i.status],
    style: (i) => STATUS_STYLES[i.status],
  },
  {
    header: "Perkiraan tingkat layanan Erlang C (%)",
    width: 12,
    kind: "decimal",
    value: (i) => percent(i.erlangC.expectedServiceLevel),
  },
  {
    header: "Perkiraan tingkat layanan Erlang A (%)",
    width: 12,
    kind: "decimal",
    value: (i) => percent(i.erlangA.expectedServiceLevel),
  },
  {
    header: "Perkiraan menutup Erlang A (%)",
    width: 11,
    kind: "decimal",
    value: (i) => percent(i.erlangA.expectedAbandonment),
  },
  { header: "Okupansi (%)", width: 10, kind: "decimal", value: (i) => percent(i.expectedOccupancy) },
];

const { text, integer, decimal, heading } = cell;

const totalCells = (t: StaffingTotals): Cell[] => [
  decimal(t.forecastCalls),
  decimal(t.agentHours),
  decimal(t.positionHours),
  decimal(t.rosteredHours),
  decimal(t.differenceHours),
  integer(t.understaffed),
  integer(t.overstaffed),
  decimal(t.byModel.erlang_c.positionHours),
  decimal(t.byModel.erlang_a.positionHours),
  integer(t.byModel.erlang_c.understaffed),
  integer(t.byModel.erlang_a.understaffed),
  integer(t.byModel.erlang_c.overstaffed),
  integer(t.byModel.erlang_a.overstaffed),
];
const TOTAL_HEADERS = [
  "Perkiraan kontak",
  "Jam petugas dibutuhkan",
  "Jam posisi dibutuhkan",
  "Jam dijadwalkan",
  "Selisih jam",
  "Interval kurang",
  "Interval lebih",
  "Jam posisi Erlang C",
  "Jam posisi Erlang A",
  "Interval kurang Erlang C",
  "Interval kurang Erlang A",
  "Interval lebih Erlang C",
  "Interval lebih Erlang A",
];

async function writeSummarySheet(
  book: Book,
  plan: WeekStaffing,
  meta: { now: Date; actor: string; week: IsoWeek; simulation: string | null },
): Promise<void> {
  const { basis } = plan;
  const sheet = openSummarySheet(book, {
    title: "Rencana Kebutuhan Staf — Contact Center Bravo Bea Cukai 1500225",
    widths: [28, 18, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14],
    headerRow: 1,
    rows: [
      ["Minggu", text(meta.week.id)],
      ["Rentang", text(meta.week.label)],
      ["Panjang interval (menit)", integer(plan.intervalMinutes)],
      ["Dasar perkiraan (minggu)", integer(basis.weeks)],
      ["Minggu dasar perkiraan", text(`${basis.weekIds[0] ?? ""} – ${basis.weekIds[basis.weekIds.length - 1] ?? ""}`)],
      ["Data dari", cell.date(basis.firstDay)],
      ["Data sampai", cell.date(basis.lastDay)],
      ["Ada data historis", text(yesNo(basis.hasHistory))],
      ["Model penentu kurang/lebih staf", text(MODEL_LABELS[plan.model])],
      ...(meta.simulation ? [["Simulasi", text(meta.simulation)] as [string, Cell]] : []),
      ...madeRows(meta.now, meta.actor),
    ],
  });
  addCells(book, sheet, [
    text(
      `Perkiraan kontak = rata-rata hari dan interval yang sama selama ${basis.weeks} minggu dasar. Petugas dibutuhkan: Erlang C (tidak ada yang menutup selagi menunggu) dan Erlang A (yang menunggu menutup setelah kesabaran rata-rata kanal), masing-masing dengan target tingkat layanan, waktu jawab dan okupansi maksimum kanal; posisi = petugas ÷ (1 − waktu tidak tersedia). Jam posisi, selisih, status dan interval kurang/lebih tanpa nama model mengikuti model penentu (${MODEL_LABELS[plan.model]}). Waktu tidak tersedia (shrinkage): istirahat, pelatihan, rapat, cuti, sakit. Waktu penanganan: rata-rata per kontak yang dijawab (AHT). Perkiraan tingkat layanan dan okupansi: dengan petugas yang dijadwalkan, setelah waktu tidak tersedia. Status Lebih: dijadwalkan melebihi posisi lebih dari 1 orang dan lebih dari 20%.`,
    ),
  ]);

  addCells(book, sheet, []);
  addCells(book, sheet, [heading("Target per kanal")]);
  addHeader(book, sheet, [
    "Kanal",
    "Tingkat layanan (%)",
    "Waktu jawab (detik)",
    "Okupansi maksimum (%)",
    "Waktu tidak tersedia (%)",
    "Kesabaran menunggu (detik)",
    "Sumber kesabaran",
  ]);
  for (const c of plan.channels) {
    addCells(book, sheet, [
      text(c.label),
      decimal(percent(c.targets.serviceLevel)),
      integer(c.targets.answerSeconds),
      decimal(percent(c.targets.maxOccupancy)),
      decimal(percent(c.targets.shrinkage)),
      integer(c.patience.seconds),
      text(
        c.patience.source === "estimated"
          ? `Diperkirakan dari ${c.patience.intervals} interval statistik (Pengaturan: ${patienceWords(c.patience.settingSeconds)})`
          : `Pengaturan (statistik belum cukup: ${c.patience.intervals} interval dapat dipakai)`,
      ),
    ]);
  }

  addCells(book, sheet, []);
  addCells(book, sheet, [heading("Total minggu ini")]);
  addHeader(book, sheet, ["Kanal", ...TOTAL_HEADERS]);
  for (const c of plan.channels) addCells(book, sheet, [text(c.label), ...totalCells(c.week)]);
  addCells(book, sheet, [text("Semua kanal"), ...totalCells(plan.total)]);

  addCells(book, sheet, []);
  addCells(book, sheet, [heading("Total per hari")]);
  addHeader(book, sheet, ["Kanal", "Hari", "Tanggal", ...TOTAL_HEADERS]);
  for (const c of plan.channels) {
    for (const d of c.days) {
      addCells(book, sheet, [text(c.label), text(weekdayName(d.weekday)), cell.date(d.day), ...totalCells(d)]);
    }
  }
  sheet.commit();
  await keepPace(book.output, sheet);
}

export type StaffingWorkbookOptions = WorkbookOptions & {
  weekId: string;
  settings: Settings;
  /** A simulation of one channel (the plan page's what-if): said on the summary, never saved. */
  whatIf?: WhatIf | null;
};

/**
 * Writes the staffing plan of a week to `output`. Throws UserFacingError for a malformed week; rejects with
 * WorkbookAborted when `output` is destroyed before the end.
 */
export async function writeStaffingWorkbook(
  db: Database,
  options: StaffingWorkbookOptions,
): Promise<{ weekId: string; label: string; channels: number; intervals: number; understaffed: number }> {
  const now = options.now ?? new Date();
  const plan = await weekStaffing(db, options.settings, options.weekId, { now, whatIf: options.whatIf });
  const simulation = options.whatIf
    ? `${CHANNELS.find((c) => c.code === options.whatIf?.channel)?.short ?? options.whatIf.channel}: ${whatIfWords(options.whatIf).join(", ")} (tidak disimpan)`
    : null;

  const intervals = await writeWorkbook(options.output, { now }, async (book) => {
    await writeSummarySheet(book, plan, { now, actor: options.actor, week: plan.week, simulation });
    let written = 0;
    for (const channel of plan.channels) {
      const sheet = new TableSheet(book, channel.label, INTERVAL_COLUMNS);
      for (const interval of channel.intervals) sheet.add(interval);
      written += await sheet.close();
    }
    // How the week's roster was kept, where it has run: per day and team, counts only.
    const days = plan.week.days;
    await writeTeamAdherenceSheet(book, db, options.settings, { from: days[0] ?? "", to: days.at(-1) ?? "" }, now);
    return written;
  });
  return {
    weekId: plan.week.id,
    label: plan.week.label,
    channels: plan.channels.length,
    intervals,
    understaffed: plan.total.understaffed,
  };
}

/**
 * The workbook as a web stream for a download response (see kpiWorkbookStream): writing stops when the request
 * is aborted, and a failure midway breaks the download off rather than leaving a file that looks complete.
 */
export function staffingWorkbookStream(
  db: Database,
  options: Omit<StaffingWorkbookOptions, "output">,
  signal: AbortSignal,
): ReadableStream<Uint8Array> {
  return workbookStream("staffing workbook", (output) => writeStaffingWorkbook(db, { ...options, output }), signal);
}
