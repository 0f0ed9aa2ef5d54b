import type { LoaderFunctionArgs } from "@remix-run/node";
import { askedExport, exportResponse } from "~/.server/exports/serve";
import { requirePermission } from "~/.server/session";

// Every list a page shows, taken away with the page's filters: /unduh/evaluasi.xlsx?periode=2026-10 (exports/).
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const asked = askedExport(params.berkas);
  const auth = await requirePermission(request, context, asked.list.permission);
  return exportResponse(auth, asked, request);
}
