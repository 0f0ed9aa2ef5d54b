import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadResponse } from "~/.server/download";
import { reportCsv } from "~/.server/imports/batches";
import { runUpload } from "~/.server/imports/upload";
import { ownUpload } from "~/.server/imports/visible";
import { requirePermission } from "~/.server/session";

// The preview's errors and warnings as a CSV file.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, context, "import:data");
  const { env, actor } = auth;
  const upload = await ownUpload(auth, request, params.id);
  const report = await runUpload(env.db, upload, actor, { commit: false, validOnly: false });
  const issues = [
    ...report.fileErrors.map((message) => ({ row: 1, column: "", message, level: "error" })),
    ...report.errors.map((i) => ({ ...i, level: "error" })),
    ...report.warnings.map((i) => ({ ...i, level: "warning" })),
  ];
  return downloadResponse(reportCsv({ report: issues }), "laporan-pratinjau.csv", "csv");
}
