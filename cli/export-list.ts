// `npm run mutu -- export <list> [--<filter> value …] [--out FILE]`: any list a page can take away (app/.server/
// exports/), for an administrator on the server: the whole center (a rapor names its person with --nip), the
// page's filters as options of the same names (--periode 2026-10, --status disputed), .xlsx or .csv by the file's
// extension. Written through a temporary file, and recorded in the audit log as "cli".
import path from "node:path";
import { parseArgs } from "node:util";
import type { Database } from "../app/.server/db";
import { recordExport } from "../app/.server/export-audit";
import type { ListExportName } from "../app/.server/exports/labels";
import { type ExportFormat, exportFileName, writeExport } from "../app/.server/exports/list-export";
import { LIST_EXPORTS } from "../app/.server/exports/lists";
import { SYSTEM_ACCESS } from "../app/.server/scope";
import { getSettings } from "../app/.server/settings";
import { workbookScope } from "../app/.server/workbook/shell";
import { UsageError } from "./usage-error";
import { checkOutputFolder, writeThroughPartial } from "./write-file";

export type ListExportRequest = {
  name: ListExportName;
  params: URLSearchParams;
  out: string | null;
  format: ExportFormat;
};

/** Reads the arguments after `export <list>`; an unknown option or a file of another kind is bad usage (exit 2). */
export function parseListExportArgs(name: ListExportName, args: string[]): ListExportRequest {
  const list = LIST_EXPORTS[name];
  if (!list) throw new UsageError(`Daftar "${name}" belum dapat diekspor.`);
  const options = Object.fromEntries(list.options.map((o) => [o, { type: "string" as const }]));
  const { values } = parseArgs({ args, options: { ...options, out: { type: "string" } }, strict: true });
  const { out, ...filters } = values as Record<string, string | undefined>;
  if (out === "") throw new UsageError("--out memerlukan nama berkas.");
  const extension = out ? path.extname(out).slice(1).toLowerCase() : "xlsx";
  if (extension !== "xlsx" && extension !== "csv") {
    throw new UsageError(`--out harus berakhiran .xlsx atau .csv (bukan "${path.basename(out ?? "")}").`);
  }
  if (!list.formats.includes(extension)) {
    throw new UsageError(`${list.label} hanya tersedia sebagai ${list.formats.map((f) => `.${f}`).join(" atau ")}.`);
  }
  if (out) checkOutputFolder(out);
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined) params.set(key, value);
  return { name, params, out: out ?? null, format: extension };
}

/** Writes the file; returns what to tell the user. A filter that cannot be used is refused (exit 1). */
export async function runListExport(db: Database, request: ListExportRequest, now = new Date()): Promise<string> {
  const list = LIST_EXPORTS[request.name];
  if (!list) throw new UsageError(`Daftar "${request.name}" belum dapat diekspor.`);
  const settings = await getSettings(db);
  const prepared = await list.prepare({ db, access: SYSTEM_ACCESS, settings, sessionId: null, now }, request.params);
  const scope = await workbookScope(db, SYSTEM_ACCESS);
  const out = request.out ?? exportFileName(prepared, scope, request.format);
  const rows = await writeThroughPartial(out, (output) =>
    writeExport(prepared, request.format, { scope, actor: "cli", now, output }),
  );
  await recordExport(
    db,
    { id: null, username: "cli" },
    {
      kind: `${list.name}.${request.format}`,
      filters: prepared.audit,
      scope: "any",
      rows,
    },
  );
  return `${list.label} ditulis ke ${out} (${rows.toLocaleString("id-ID")} baris).`;
}
