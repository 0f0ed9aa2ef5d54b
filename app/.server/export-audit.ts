// Every download of personal data goes into the audit log (issue 13): who took which export, with which filters
// and scope, and how many rows it held. One entry per file, written once the file is complete; a download the
// browser cancelled midway is recorded too, as cancelled, since part of it may have arrived.
import type { Actor } from "./audit";
import { recordAudit } from "./audit";
import type { Database } from "./db";

/**
 * The exports, as the audit log's "record" names them (audit-words.ts EXPORT_LABELS): the KPI workbook, the
 * eligibility list, and each list export as its file ("evaluasi.xlsx", exports/labels.ts).
 */
export type ExportKind =
  | "kpi_workbook"
  | "kpi_csv"
  | "eligibility_csv"
  | "eligibility_xlsx"
  | `${string}.${"xlsx" | "csv"}`;

export type ExportRecord = {
  kind: ExportKind;
  /** The filters the file was made with, by the names the audit log shows (periodId, teamId, status, …). */
  filters: Record<string, string | number | null | undefined>;
  /** "any" (the whole center), "team" or "own". */
  scope: string;
  /** Rows of people in the file; null when the download was cancelled before the end. */
  rows: number | null;
};

export function recordExport(db: Database, actor: Actor, record: ExportRecord): Promise<void> {
  const filters = Object.fromEntries(Object.entries(record.filters).filter(([, v]) => v !== undefined && v !== null));
  return recordAudit(db, actor, {
    action: record.rows === null ? "export_cancelled" : "export",
    entity: "export",
    entityId: record.kind,
    after: { ...filters, scope: record.scope, rows: record.rows },
  });
}
