// The shell every Mutu workbook is written in (the KPI workbook, the staffing plan, and the exports to come):
// a streaming workbook on an output stream, made by "Mutu" at a given time; a first sheet "Ringkasan" that opens
// with a title and label/value rows saying what the workbook is, when and for whom it was made; and the stream a
// download response reads while the workbook is written. The cells themselves are written by cells.ts.
import { PassThrough, type Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { teams } from "../../../db/schema";
import type { Database } from "../db";
import { logError } from "../log";
import { type Access, hasScopeUnit } from "../scope";
import {
  addCells,
  type Book,
  type Cell,
  cell,
  keepPace,
  openSheet,
  type Style,
  TITLE_STYLE,
  WorkbookAborted,
} from "./cells";

/** What every workbook is asked for, beside its own subject (a period, a week). */
export type WorkbookOptions = {
  /** Who the workbook is made for, as printed on "Ringkasan" ("Siti Rahma (kasi)", "cli"). */
  actor: string;
  now?: Date;
  /** Receives the .xlsx bytes and is ended when the workbook is complete. Destroy it to stop writing. */
  output: Writable;
};

/**
 * Writes a workbook to `output`: opens it, lets `write` add the sheets (in order; each committed as written), then
 * completes it and waits until `output` has every byte. Rejects with WorkbookAborted when `output` is destroyed
 * before the end (the reader went away); on any other failure `output` is left to the caller to discard.
 * `predikat`: the style of each predikat label, for workbooks that show predikat (cells.ts predikatStyles).
 */
export async function writeWorkbook<T>(
  output: Writable,
  options: { now: Date; predikat?: Map<string, Style> },
  write: (book: Book) => Promise<T>,
): Promise<T> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: true });
  workbook.creator = "Mutu";
  workbook.created = options.now;
  const result = await write({ workbook, output, predikat: options.predikat ?? new Map() });
  await keepPace(output);
  try {
    await Promise.all([workbook.commit(), finished(output, { readable: false })]);
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_STREAM_PREMATURE_CLOSE") throw new WorkbookAborted();
    throw error;
  }
  return result;
}

/**
 * Who a workbook covers, as its "Cakupan" row and its file name say it: the whole center, the team of a user
 * whose permission reaches their team only, or the group (regu) of a Ketua Tim. Null for a scope a workbook of
 * people is not made for (own, or a team- or group-scoped user without a team or group).
 */
export type WorkbookScope = { label: string; fileTag: string | null };

export async function workbookScope(db: Database, access: Access): Promise<WorkbookScope | null> {
  if (access.scope === "any") return { label: "Seluruh contact center", fileTag: null };
  if ((access.scope !== "team" && access.scope !== "group") || !hasScopeUnit(access) || access.teamId === null) {
    return null;
  }
  const [team] = await db.select({ name: teams.name }).from(teams).where(eq(teams.id, access.teamId));
  if (!team) return null;
  // "Tim Kerja Layanan Informasi dan Pengaduan" → "Tim-Layanan-Informasi-dan-Pengaduan"
  const teamTag = team.name.replace(/^Tim Kerja /, "Tim ").replace(/[^A-Za-z0-9]+/g, "-");
  if (access.scope === "team") return { label: team.name, fileTag: teamTag };
  // "Regu 1, Tim Kerja Layanan Informasi dan Pengaduan" → "Tim-Layanan-Informasi-dan-Pengaduan_Regu-1"
  const group = access.groupName ?? "";
  const groupTag = group.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return { label: `${group}, ${team.name}`, fileTag: `${teamTag}_${groupTag || "Regu"}` };
}

/** How "Ringkasan" names the person a workbook is made for: "Siti Rahma (kasi)". */
export const madeFor = (user: { displayName: string; username: string }) => `${user.displayName} (${user.username})`;

/** The rows of "Ringkasan" that say when (WIB, as a date-time) and for whom the workbook was made. */
export function madeRows(now: Date, actor: string): [string, Cell][] {
  return [
    ["Dibuat pada (WIB)", cell.datetime(now)],
    ["Dibuat oleh", cell.text(actor)],
  ];
}

// Column B holds "Dibuat pada (WIB)" as a date-time (dd/mm/yyyy hh:mm): narrower, LibreOffice shows ###.
const VALUE_WIDTH = 18;

/**
 * Opens the first sheet, "Ringkasan": the title on row 1 and then one row per [label, value]; rows up to
 * `headerRow` stay in view. Returns the sheet for the tables that follow (the caller commits it).
 */
export function openSummarySheet(
  book: Book,
  summary: { title: string; widths: readonly number[]; headerRow: number; rows: readonly [string, Cell][] },
) {
  const widths = summary.widths.map((width, i) => (i === 1 ? Math.max(width, VALUE_WIDTH) : width));
  const sheet = openSheet(book, "Ringkasan", widths, summary.headerRow);
  addCells(book, sheet, [{ ...cell.text(summary.title), style: TITLE_STYLE }]);
  for (const [label, value] of summary.rows) addCells(book, sheet, [cell.heading(label), value]);
  return sheet;
}

/**
 * A workbook as a web stream for a download response, written by `write` while the browser reads it. When the
 * request is aborted (the download cancelled), writing stops; a failure midway breaks the download off rather
 * than leaving the user a file that looks complete. `what` names the workbook in the error log.
 */
export function workbookStream<T>(
  what: string,
  write: (output: Writable) => Promise<T>,
  signal: AbortSignal,
  /**
   * Told what `write` returned once the workbook is complete, or null when the download was cancelled midway
   * (for the audit log: export-audit.ts).
   */
  done?: (result: T | null) => Promise<void>,
): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const stop = () => output.destroy();
  if (signal.aborted) stop();
  else signal.addEventListener("abort", stop, { once: true });
  write(output)
    .then(
      (result) => done?.(result),
      async (error) => {
        if (error instanceof WorkbookAborted) return done?.(null);
        throw error;
      },
    )
    .catch((error) => {
      logError(what, error);
      output.destroy(error as Error);
    })
    .finally(() => signal.removeEventListener("abort", stop));
  return createReadableStreamFromReadable(output);
}
