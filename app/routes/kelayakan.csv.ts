import type { LoaderFunctionArgs } from "@remix-run/node";
import { eligibilityFilterFrom, eligibilityList } from "~/.server/certification";
import { downloadResponse } from "~/.server/download";
import { eligibilityCsv, eligibilityCsvName } from "~/.server/eligibility-csv";
import { requirePermission } from "~/.server/session";
import { wibDay } from "../../analytics/dates";

// The eligibility list as CSV, with the same filters as the page.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { access, env } = await requirePermission(request, context, "read:eligibility");
  const today = wibDay(new Date());
  const rows = await eligibilityList(env.db, access, eligibilityFilterFrom(new URL(request.url)), today);
  return downloadResponse(eligibilityCsv(rows), eligibilityCsvName(today), "csv");
}
