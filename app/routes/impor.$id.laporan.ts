import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/.server/errors";
import { getUpload, reportCsv } from "~/.server/imports/batches";
import { runUpload } from "~/.server/imports/upload";
import { requirePermission } from "~/.server/session";

// The preview's errors and warnings as a CSV file.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, env, actor } = await requirePermission(request, context, "import:data");
  const upload = await getUpload(env.db, params.id ?? "", user.id);
  if (!upload) notFound("Unggahan ini tidak ditemukan.");
  const report = await runUpload(env.db, upload, actor, { commit: false, validOnly: false });
  const issues = [
    ...report.fileErrors.map((message) => ({ row: 1, column: "", message, level: "error" })),
    ...report.errors.map((i) => ({ ...i, level: "error" })),
    ...report.warnings.map((i) => ({ ...i, level: "warning" })),
  ];
  return new Response(reportCsv({ report: issues }), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="laporan-pratinjau.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
