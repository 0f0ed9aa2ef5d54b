import type { LoaderFunctionArgs } from "@remix-run/node";
import { eligibilityFilterFrom, eligibilityList } from "~/.server/certification";
import { downloadResponse } from "~/.server/download";
import { eligibilityCsv, eligibilityCsvName } from "~/.server/eligibility-csv";
import { recordExport } from "~/.server/export-audit";
import { requirePermission } from "~/.server/session";
import { wibDay } from "../../analytics/dates";

// The eligibility list as CSV, with the same filters as the page.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { access, actor, env } = await requirePermission(request, context, "read:eligibility");
  const today = wibDay(new Date());
  const filter = eligibilityFilterFrom(new URL(request.url));
  const rows = await eligibilityList(env.db, access, filter, today);
  await recordExport(env.db, actor, {
    kind: "eligibility_csv",
    filters: { ...filter, day: today },
    scope: access.scope,
    rows: rows.length,
  });
  return downloadResponse(eligibilityCsv(rows), eligibilityCsvName(today), "csv");
}
