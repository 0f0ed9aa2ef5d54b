import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadResponse, refuseDownload } from "~/.server/download";
import { requirePermission } from "~/.server/session";
import { askedWeek } from "~/.server/staffing";
import { readWhatIf } from "~/.server/staffing-what-if";
import { staffingWorkbookName, staffingWorkbookStream } from "~/.server/staffing-workbook";
import { madeFor } from "~/.server/workbook/shell";
import { workforceChoice } from "~/.server/workforce-page";

// The staffing plan of a week (?minggu=YYYY-Www, else the current week) as a workbook, streamed to the browser
// while it is written; with the plan page's what-if (?kanal=…&volume=…), that simulation, said on its summary. It holds counts only (contacts, agents needed and rostered), no one's personal data, so
// every role allowed to export it gets the whole center's plan.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, env } = await requirePermission(request, context, "export:staffing");
  const params = new URL(request.url).searchParams;
  const asked = askedWeek(params.get("minggu"));
  if (!asked.ok) refuseDownload(asked.message);
  // The plan page's simulation, when its address carries one: on that channel, in this file only.
  const simulation = readWhatIf(params, workforceChoice(params).channel);
  const refused = Object.values(simulation.errors)[0];
  if (refused) refuseDownload(refused);
  const body = staffingWorkbookStream(
    env.db,
    { weekId: asked.week.id, settings: env.settings, actor: madeFor(user), whatIf: simulation.whatIf },
    request.signal,
  );
  return downloadResponse(body, staffingWorkbookName(asked.week.id), "xlsx");
}
