// Pure: the rules of the CSV imports (DESIGN.md §6) — which kinds of file there are, and which validator reads a
// row of each. No parsing of bytes and no database here: the engine feeds rows in and passes the lookups (staff by
// NIP, courses by code, locked days) as plain maps and functions. The parts live beside this file: the columns
// (import-columns.ts), the header (import-header.ts), the cell readers (import-cells.ts, numbers through
// numbers.ts, days through dates.ts) and one validator per kind (import-staff/training/calls/intervals/roster.ts); this
// module is their front door, so the engine and the pages import the rules from one place.

import { type CallRow, validateCallRow } from "./import-calls";
import type { RowContext, RowResult } from "./import-cells";
import type { HeaderMap } from "./import-header";
import { type IntervalRow, validateIntervalRow } from "./import-intervals";
import { type RosterRow, validateRosterRow } from "./import-roster";
import { type StaffRow, validateStaffRow } from "./import-staff";
import { type StateRow, validateStateRow } from "./import-states";
import { type TrainingRow, validateTrainingRow } from "./import-training";

export const IMPORT_KINDS = ["staff", "training", "calls", "intervals", "roster", "states"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(value: unknown): value is ImportKind {
  return (IMPORT_KINDS as readonly unknown[]).includes(value);
}

/** How each kind of file is named on the pages. */
export const KIND_LABELS: Record<ImportKind, string> = {
  staff: "Data staf",
  training: "Catatan pelatihan",
  calls: "Statistik panggilan",
  intervals: "Statistik interval",
  roster: "Jadwal dinas",
  states: "Status agen",
};

export type ImportRow = StaffRow | TrainingRow | CallRow | IntervalRow | RosterRow | StateRow;

type Validator = (
  cells: readonly string[],
  row: number,
  header: HeaderMap,
  headerRow: readonly string[],
  ctx: RowContext,
) => RowResult<ImportRow>;

/** The row validation of each kind of file. */
export const VALIDATORS: Record<ImportKind, Validator> = {
  staff: validateStaffRow,
  training: validateTrainingRow,
  calls: validateCallRow,
  intervals: validateIntervalRow,
  roster: validateRosterRow,
  states: validateStateRow,
};

export { type CallRow, validateCallRow } from "./import-calls";
export { EARLIEST_DAY, type Issue, type RowContext, type RowResult } from "./import-cells";
export { COLUMNS } from "./import-columns";
export {
  columnName,
  detectDelimiter,
  extraCellsProblem,
  type HeaderMap,
  mapHeader,
  normalizeHeader,
} from "./import-header";
export { type IntervalRow, validateIntervalRow } from "./import-intervals";
export { type RosterRow, validateRosterRow } from "./import-roster";
export { type StaffRow, validateStaffRow } from "./import-staff";
export { type StateRow, validateStateRow } from "./import-states";
export { type TrainingRow, validateTrainingRow } from "./import-training";
