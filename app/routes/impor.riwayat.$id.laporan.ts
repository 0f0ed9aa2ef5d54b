import type { LoaderFunctionArgs } from "@remix-run/node";
import { reportCsv } from "~/.server/imports/batches";
import { visibleBatch } from "~/.server/imports/visible";
import { requirePermission } from "~/.server/session";

// A committed batch's errors and warnings as a CSV file.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, context, "import:data");
  const batch = await visibleBatch(auth, request, params.id);
  return new Response(reportCsv(batch), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="laporan-impor-${batch.id}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
