import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadResponse, refuseDownload } from "~/.server/download";
import { forbidden } from "~/.server/errors";
import { recordExport } from "~/.server/export-audit";
import { requirePermission } from "~/.server/session";
import { exportPeriod, kpiWorkbookName, kpiWorkbookStream } from "~/.server/workbook";
import { madeFor, workbookScope } from "~/.server/workbook/shell";

// The KPI workbook of a period (?periode=YYYY-MM, else the last finished period), streamed to the browser
// while it is written: the whole center for the roles that may export every team's KPI, a supervisor's own team
// for a supervisor (no one of another team anywhere in the file).
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, actor, access, env } = await requirePermission(request, context, "export:kpi");
  const scope = await workbookScope(env.db, access);
  if (!scope)
    forbidden("Berkas KPI dibuat untuk seluruh contact center atau untuk satu tim; akun Anda tidak terhubung ke tim.");
  const asked = exportPeriod(new URL(request.url).searchParams.get("periode"));
  if (!asked.ok) refuseDownload(asked.message);
  const body = kpiWorkbookStream(
    env.db,
    { periodId: asked.period.id, settings: env.settings, access, scope, actor: madeFor(user) },
    request.signal,
    (rows) =>
      recordExport(env.db, actor, {
        kind: "kpi_workbook",
        filters: { periodId: asked.period.id, teamId: access.scope === "team" ? access.teamId : null },
        scope: access.scope,
        rows,
      }),
  );
  return downloadResponse(body, kpiWorkbookName(asked.period.id, scope.fileTag), "xlsx");
}
