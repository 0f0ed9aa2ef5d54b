import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/.server/session";
import { askedWeek } from "~/.server/staffing";
import { staffingWorkbookName, staffingWorkbookStream } from "~/.server/staffing-workbook";
import { XLSX_CONTENT_TYPE } from "~/.server/workbook";

// The staffing plan of a week (?minggu=YYYY-Www, else the current week) as a workbook, streamed to the browser
// while it is written. It holds counts only (contacts, agents needed and rostered), no one's personal data, so
// every role allowed to export it gets the whole center's plan.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, env } = await requirePermission(request, context, "export:staffing");
  const asked = askedWeek(new URL(request.url).searchParams.get("minggu"));
  if (!asked.ok) {
    // Plain text: this address is opened as a download, where no error page would be shown.
    throw new Response(asked.message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const body = staffingWorkbookStream(
    env.db,
    { weekId: asked.week.id, settings: env.settings, actor: `${user.displayName} (${user.username})` },
    request.signal,
  );
  return new Response(body, {
    headers: {
      "Content-Type": XLSX_CONTENT_TYPE,
      "Content-Disposition": `attachment; filename="${staffingWorkbookName(asked.week.id)}"`,
      "Cache-Control": "no-store",
    },
  });
}
