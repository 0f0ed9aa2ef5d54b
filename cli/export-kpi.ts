// `npm run mutu -- export kpi`: the KPI workbook of one period, or its "KPI Petugas" rows as CSV, to a file.
import { parseArgs } from "node:util";
import { periodFromId } from "../analytics/period";
import type { Database } from "../app/.server/db";
import { UserFacingError } from "../app/.server/errors";
import { SYSTEM_ACCESS } from "../app/.server/scope";
import { getSettings } from "../app/.server/settings";
import { exportPeriod, kpiCsvName, kpiWorkbookName, writeKpiCsv, writeKpiWorkbook } from "../app/.server/workbook";
import { UsageError } from "./usage-error";
import { checkOutputFolder, writeThroughPartial } from "./write-file";

export type KpiExportRequest = { periodId: string; format: "xlsx" | "csv"; out: string };

/** Reads the arguments after `export kpi`; a period or folder that cannot be used is refused (exit 1). */
export function parseKpiExportArgs(args: string[], now = new Date()): KpiExportRequest {
  const { values } = parseArgs({
    args,
    options: { period: { type: "string" }, format: { type: "string" }, out: { type: "string" } },
    strict: true,
  });
  const format = values.format ?? "xlsx";
  if (format !== "xlsx" && format !== "csv") throw new UsageError(`--format harus xlsx atau csv, bukan "${format}".`);
  if (values.out === "") throw new UsageError("--out memerlukan nama berkas.");
  const asked = exportPeriod(values.period, now);
  if (!asked.ok) throw new UserFacingError(asked.message);
  const out = values.out ?? (format === "csv" ? kpiCsvName(asked.period.id) : kpiWorkbookName(asked.period.id));
  checkOutputFolder(out);
  return { periodId: asked.period.id, format, out };
}

/** Writes the file (through a temporary file, see writeThroughPartial). Returns what to tell the user. */
export async function runKpiExport(db: Database, request: KpiExportRequest, now = new Date()): Promise<string> {
  const label = periodFromId(request.periodId).label;
  return writeThroughPartial(request.out, async (output) => {
    const settings = await getSettings(db);
    if (request.format === "csv") {
      const written = await writeKpiCsv(db, { periodId: request.periodId, settings, output });
      return `KPI Petugas ${label} ditulis ke ${request.out} (${written.agents} petugas).`;
    }
    const written = await writeKpiWorkbook(db, {
      periodId: request.periodId,
      settings,
      access: SYSTEM_ACCESS,
      actor: "cli",
      now,
      output,
    });
    return `Workbook KPI ${label} ditulis ke ${request.out}: ${written.agents} petugas, ${written.evaluations} evaluasi, ${written.items} nilai butir.`;
  });
}
