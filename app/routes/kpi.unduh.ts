import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadResponse, refuseDownload } from "~/.server/download";
import { forbidden } from "~/.server/errors";
import { recordExport } from "~/.server/export-audit";
import { requirePermission } from "~/.server/session";
import { exportPeriod, kpiCsvName, kpiWorkbookName, kpiWorkbookStream, writeKpiCsv } from "~/.server/workbook";
import { madeFor, workbookScope, workbookStream } from "~/.server/workbook/shell";

// The KPI workbook of a period (?periode=YYYY-MM, else the last finished period), streamed to the browser
// while it is written: the whole center for the roles that may export every team's KPI, a supervisor's own team
// for a supervisor, a Ketua Tim's own group for them (no one outside it anywhere in the file). With ?format=csv, its "KPI Petugas" rows as CSV.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, actor, access, env } = await requirePermission(request, context, "export:kpi");
  const scope = await workbookScope(env.db, access);
  if (!scope)
    forbidden(
      access.scope === "group"
        ? "Berkas KPI dibuat untuk seluruh contact center, satu tim, atau satu regu; data staf Anda belum mencantumkan regu."
        : "Berkas KPI dibuat untuk seluruh contact center atau untuk satu tim; akun Anda tidak terhubung ke tim.",
    );
  const params = new URL(request.url).searchParams;
  const asked = exportPeriod(params.get("periode"));
  if (!asked.ok) refuseDownload(asked.message);
  const filters = {
    periodId: asked.period.id,
    teamId: access.scope === "team" || access.scope === "group" ? access.teamId : null,
    ...(access.scope === "group" ? { groupName: access.groupName } : {}),
  };
  if (params.get("format") === "csv") {
    const body = workbookStream(
      "kpi csv",
      (output) => writeKpiCsv(env.db, { periodId: asked.period.id, settings: env.settings, access, output }),
      request.signal,
      (written) =>
        recordExport(env.db, actor, { kind: "kpi_csv", filters, scope: access.scope, rows: written?.agents ?? null }),
    );
    return downloadResponse(body, kpiCsvName(asked.period.id, scope.fileTag), "csv");
  }
  const body = kpiWorkbookStream(
    env.db,
    { periodId: asked.period.id, settings: env.settings, access, scope, actor: madeFor(user) },
    request.signal,
    (rows) => recordExport(env.db, actor, { kind: "kpi_workbook", filters, scope: access.scope, rows }),
  );
  return downloadResponse(body, kpiWorkbookName(asked.period.id, scope.fileTag), "xlsx");
}
