import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/.server/errors";
import { getBatch, reportCsv } from "~/.server/imports/batches";
import { importableKinds } from "~/.server/imports/upload";
import { requirePermission } from "~/.server/session";

// A committed batch's errors and warnings as a CSV file.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, env } = await requirePermission(request, context, "import:data");
  const batch = await getBatch(env.db, Number(params.id));
  if (!batch || !importableKinds(user.roles).includes(batch.kind as "training"))
    notFound("Batch impor ini tidak ditemukan.");
  return new Response(reportCsv(batch), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="laporan-impor-${batch.id}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
