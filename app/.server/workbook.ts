// The KPI workbook of one period (DESIGN.md §6), for the download on the KPI page and for
// `npm run mutu -- export kpi`. Every KPI figure comes from periodKpiReport (the one place the formula
// runs). The workbook is streamed: each row is committed as it is written and the big sheets read the
// database a chunk at a time, so its size never sits in memory. It is a live view of a period that is still
// open (read by several queries, not one snapshot); an approved period is locked, so its workbook is stable.
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { wibDay } from "../../analytics/dates";
import { type Period, periodFromId, periodOf, shiftPeriod } from "../../analytics/period";
import type { Database } from "./db";
import { excelCsv } from "./excel-csv";
import { periodIku } from "./iku";
import { periodKpiReport } from "./period-kpi";
import { periodStatus } from "./periods";
import { type Access, SYSTEM_ACCESS } from "./scope";
import { gradeBands, type Settings } from "./settings";
import { writeAdherenceSheet } from "./workbook/adherence";
import { AGENT_COLUMNS } from "./workbook/agents";
import { writeCalibrationSheet } from "./workbook/calibration";
import { predikatStyles, TableSheet, WorkbookAborted } from "./workbook/cells";
import { writeCertificationSheet } from "./workbook/certification";
import { writeCoachingSheet } from "./workbook/coaching";
import { csvValue } from "./workbook/csv";
import { writeEvaluationSheet, writeItemSheet } from "./workbook/evaluations";
import { writeReportSheet } from "./workbook/reports";
import {
  type WorkbookOptions,
  type WorkbookScope,
  workbookScope,
  workbookStream,
  writeWorkbook,
} from "./workbook/shell";
import { writeSummarySheet } from "./workbook/summary";

export { WorkbookAborted };

const baseName = (periodId: string, fileTag: string | null = null) => {
  const p = periodFromId(periodId);
  return fileTag ? `KPI_${p.id}_${fileTag}` : `KPI_${p.id}_${p.firstDay}_${p.lastDay}`;
};
/**
 * 'KPI_2026-09_2026-09-26_2026-10-25.xlsx' for the whole center; 'KPI_2026-09_Tim-Layanan-Informasi-dan-
 * Pengaduan.xlsx' for one team (workbookScope's fileTag).
 */
export const kpiWorkbookName = (periodId: string, fileTag: string | null = null) =>
  `${baseName(periodId, fileTag)}.xlsx`;
export const kpiCsvName = (periodId: string, fileTag: string | null = null) => `${baseName(periodId, fileTag)}.csv`;

/**
 * The period to export: the one asked for ('YYYY-MM'), or without one the last finished period (the one
 * under review). A malformed id, or a period that has not begun, is refused with a message to act on.
 */
export function exportPeriod(
  asked: string | null | undefined,
  now = new Date(),
): { ok: true; period: Period } | { ok: false; message: string } {
  const text = asked?.trim();
  if (!text) return { ok: true, period: shiftPeriod(periodOf(now).id, -1) };
  let period: Period;
  try {
    period = periodFromId(text);
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  if (period.start > now) return { ok: false, message: `${period.label} belum dimulai: belum ada KPI untuk diunduh.` };
  return { ok: true, period };
}

export type KpiWorkbookOptions = WorkbookOptions & {
  periodId: string;
  settings: Settings;
  /** Whose KPI: the whole center (SYSTEM_ACCESS, or a user's "any" scope) or a supervisor's team. */
  access: Access;
  /** workbookScope(access), when the caller has it already (the download names its file by it). */
  scope?: WorkbookScope;
};

/**
 * Writes the workbook of a period to `output`. Rejects with WorkbookAborted when `output` is destroyed
 * before the end (the reader went away); on any failure `output` is left to the caller to discard.
 */
export async function writeKpiWorkbook(db: Database, options: KpiWorkbookOptions) {
  const { settings, output, access } = options;
  const period = periodFromId(options.periodId);
  const now = options.now ?? new Date();
  const scope = options.scope ?? (await workbookScope(db, access));
  if (!scope) throw new Error(`no KPI workbook for the scope ${access.scope}`);
  const center = access.scope === "any";
  const report = await periodKpiReport(db, period.id, settings, access);
  const status = await periodStatus(db, period.id);
  // The IKU are the center's indicators: a team's workbook leaves them out rather than show a team's figures
  // against the center's targets.
  const iku = center ? await periodIku(db, report, settings) : null;
  // Eligibility as it stood at the end of the period, or today while the period runs.
  const today = wibDay(now);
  const certificationDay = period.lastDay.localeCompare(today) < 0 ? period.lastDay : today;

  return writeWorkbook(output, { now, predikat: predikatStyles(gradeBands(settings)) }, async (book) => {
    await writeSummarySheet(book, {
      period,
      status,
      report,
      iku,
      scope: scope.label,
      now,
      actor: options.actor,
      certificationDay,
    });
    const agentSheet = new TableSheet(book, "KPI Petugas", AGENT_COLUMNS);
    for (const agent of report.agents) agentSheet.add(agent);
    const agents = await agentSheet.close();
    const evaluations = await writeEvaluationSheet(book, db, period.id, access);
    const items = await writeItemSheet(book, db, period.id, access);
    // Calibration is about the QA team's assessors, and the reports are the teams' own: both only in the
    // center's workbook, so a team's file names no one outside the team.
    if (center) await writeCalibrationSheet(book, db, period.id, settings["calibration.spreadThreshold"]);
    await writeCertificationSheet(book, db, certificationDay, access);
    // Coaching is about the agents: within the workbook's scope, as the evaluations are.
    await writeCoachingSheet(book, db, period, access, today);
    // The evidence beside the kedisiplinan items: adherence to the roster, within the same scope.
    await writeAdherenceSheet(book, db, settings, period, access);
    if (center) await writeReportSheet(book, db, period.id);
    return { periodId: period.id, agents, evaluations, items };
  });
}

/**
 * The workbook as a web stream for a download response, written while the browser reads it. When the
 * request is aborted (the download cancelled), writing stops; a failure midway breaks the download off
 * rather than leaving the user a file that looks complete.
 */
export function kpiWorkbookStream(
  db: Database,
  options: Omit<KpiWorkbookOptions, "output">,
  signal: AbortSignal,
  /** Told how many agents the file held once it is complete, or null when the download was cancelled. */
  written?: (agents: number | null) => Promise<void>,
): ReadableStream<Uint8Array> {
  return workbookStream(
    "kpi workbook",
    (output) => writeKpiWorkbook(db, { ...options, output }),
    signal,
    written && ((result) => written(result?.agents ?? null)),
  );
}

/**
 * The rows of "KPI Petugas" as CSV, for Excel in an Indonesian locale: UTF-8 with a byte-order mark,
 * semicolons, decimal commas (85,40), CRLF; the NIP grouped as printed so that Excel keeps its 18 digits.
 */
export async function writeKpiCsv(
  db: Database,
  options: { periodId: string; settings: Settings; output: Writable; access?: Access },
): Promise<{ periodId: string; agents: number }> {
  const report = await periodKpiReport(db, options.periodId, options.settings, options.access ?? SYSTEM_ACCESS);
  options.output.end(
    excelCsv([
      AGENT_COLUMNS.map((c) => c.header),
      ...report.agents.map((agent) => AGENT_COLUMNS.map((c) => csvValue(c, agent))),
    ]),
  );
  await finished(options.output, { readable: false });
  return { periodId: report.periodId, agents: report.agents.length };
}
