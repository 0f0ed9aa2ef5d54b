import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadResponse, refuseDownload } from "~/.server/download";
import { requirePermission } from "~/.server/session";
import { askedWeek } from "~/.server/staffing";
import { staffingWorkbookName, staffingWorkbookStream } from "~/.server/staffing-workbook";
import { madeFor } from "~/.server/workbook/shell";

// The staffing plan of a week (?minggu=YYYY-Www, else the current week) as a workbook, streamed to the browser
// while it is written. It holds counts only (contacts, agents needed and rostered), no one's personal data, so
// every role allowed to export it gets the whole center's plan.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, env } = await requirePermission(request, context, "export:staffing");
  const asked = askedWeek(new URL(request.url).searchParams.get("minggu"));
  if (!asked.ok) refuseDownload(asked.message);
  const body = staffingWorkbookStream(
    env.db,
    { weekId: asked.week.id, settings: env.settings, actor: madeFor(user) },
    request.signal,
  );
  return downloadResponse(body, staffingWorkbookName(asked.week.id), "xlsx");
}
