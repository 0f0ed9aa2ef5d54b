import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadResponse, refuseDownload } from "~/.server/download";
import { forbidden } from "~/.server/errors";
import { requirePermission } from "~/.server/session";
import { exportPeriod, kpiWorkbookName, kpiWorkbookStream } from "~/.server/workbook";

// The KPI workbook of a period (?periode=YYYY-MM, else the last finished period), streamed to the browser
// while it is written. It covers the whole center, so only a role that may export every team's KPI gets it.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, access, env } = await requirePermission(request, context, "export:kpi");
  if (access.scope !== "any")
    forbidden("Berkas KPI memuat seluruh contact center; peran Anda hanya mencakup sebagian.");
  const asked = exportPeriod(new URL(request.url).searchParams.get("periode"));
  if (!asked.ok) refuseDownload(asked.message);
  const body = kpiWorkbookStream(
    env.db,
    { periodId: asked.period.id, settings: env.settings, actor: `${user.displayName} (${user.username})` },
    request.signal,
  );
  return downloadResponse(body, kpiWorkbookName(asked.period.id), "xlsx");
}
