import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadResponse } from "~/.server/download";
import { reportCsv } from "~/.server/imports/batches";
import { visibleBatch } from "~/.server/imports/visible";
import { requirePermission } from "~/.server/session";

// A committed batch's errors and warnings as a CSV file.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, context, "import:data");
  const batch = await visibleBatch(auth, request, params.id);
  return downloadResponse(reportCsv(batch), `laporan-impor-${batch.id}.csv`, "csv");
}
