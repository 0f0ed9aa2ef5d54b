import type { LoaderFunctionArgs } from "@remix-run/node";
import { eligibilityFilterFrom } from "~/.server/certification";
import { downloadResponse } from "~/.server/download";
import { eligibilityWorkbookName, writeEligibilityWorkbook } from "~/.server/eligibility-workbook";
import { recordExport } from "~/.server/export-audit";
import { requirePermission } from "~/.server/session";
import { madeFor, workbookStream } from "~/.server/workbook/shell";
import { wibDay } from "../../analytics/dates";

// The eligibility list as a workbook, with the same filters and scope as the page; recorded in the audit log
// once complete (or as cancelled).
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, access, actor, env } = await requirePermission(request, context, "read:eligibility");
  const day = wibDay(new Date());
  const filter = eligibilityFilterFrom(new URL(request.url));
  const body = workbookStream(
    "eligibility workbook",
    (output) =>
      writeEligibilityWorkbook(env.db, {
        access,
        filter,
        day,
        actor: madeFor(user),
        output,
      }),
    request.signal,
    (rows) =>
      recordExport(env.db, actor, { kind: "eligibility_xlsx", filters: { ...filter, day }, scope: access.scope, rows }),
  );
  return downloadResponse(body, eligibilityWorkbookName(day), "xlsx");
}
