// `npm run mutu -- export staffing`: the staffing plan of one ISO week as a workbook, to a file.
import { parseArgs } from "node:util";
import type { Database } from "../app/.server/db";
import { UserFacingError } from "../app/.server/errors";
import { getSettings } from "../app/.server/settings";
import { askedWeek } from "../app/.server/staffing";
import { staffingWorkbookName, writeStaffingWorkbook } from "../app/.server/staffing-workbook";
import { UsageError } from "./usage-error";
import { checkOutputFolder, writeThroughPartial } from "./write-file";

export type StaffingExportRequest = { weekId: string; out: string };

/** Reads the arguments after `export staffing`; a malformed week or a missing folder is refused (exit 1). */
export function parseStaffingExportArgs(args: string[], now = new Date()): StaffingExportRequest {
  const { values } = parseArgs({ args, options: { week: { type: "string" }, out: { type: "string" } }, strict: true });
  if (values.out === "") throw new UsageError("--out memerlukan nama berkas.");
  if (values.week === "") throw new UsageError("--week memerlukan minggu YYYY-Www, misalnya 2026-W49.");
  const asked = askedWeek(values.week, now);
  if (!asked.ok) throw new UserFacingError(asked.message);
  const out = values.out ?? staffingWorkbookName(asked.week.id);
  checkOutputFolder(out);
  return { weekId: asked.week.id, out };
}

/** Writes the workbook (through a temporary file, see writeThroughPartial). Returns what to tell the user. */
export async function runStaffingExport(
  db: Database,
  request: StaffingExportRequest,
  now = new Date(),
): Promise<string> {
  return writeThroughPartial(request.out, async (output) => {
    const settings = await getSettings(db);
    const written = await writeStaffingWorkbook(db, { weekId: request.weekId, settings, actor: "cli", now, output });
    return `Rencana kebutuhan staf ${written.label} ditulis ke ${request.out}: ${written.channels} kanal, ${written.intervals} interval, ${written.understaffed} interval kekurangan petugas.`;
  });
}
