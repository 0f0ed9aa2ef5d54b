import type { LoaderFunctionArgs } from "@remix-run/node";
import { forbidden } from "~/.server/errors";
import { requirePermission } from "~/.server/session";
import { exportPeriod, kpiWorkbookName, kpiWorkbookStream, XLSX_CONTENT_TYPE } from "~/.server/workbook";

// The KPI workbook of a period (?periode=YYYY-MM, else the last finished period), streamed to the browser
// while it is written. It covers the whole center, so only a role that may export every team's KPI gets it.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, access, env } = await requirePermission(request, context, "export:kpi");
  if (access.scope !== "any")
    forbidden("Berkas KPI memuat seluruh contact center; peran Anda hanya mencakup sebagian.");
  const asked = exportPeriod(new URL(request.url).searchParams.get("periode"));
  if (!asked.ok) {
    // Plain text: this address is opened as a download, where no error page would be shown.
    throw new Response(asked.message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const body = kpiWorkbookStream(
    env.db,
    { periodId: asked.period.id, settings: env.settings, actor: `${user.displayName} (${user.username})` },
    request.signal,
  );
  return new Response(body, {
    headers: {
      "Content-Type": XLSX_CONTENT_TYPE,
      "Content-Disposition": `attachment; filename="${kpiWorkbookName(asked.period.id)}"`,
      "Cache-Control": "no-store",
    },
  });
}
