import type { LoaderFunctionArgs } from "@remix-run/node";
import { getUpload } from "~/.server/imports/batches";
import { progressOf } from "~/.server/imports/progress";
import { requirePermission } from "~/.server/session";

// How far the import of an upload has got (polled by the preview page).
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, env } = await requirePermission(request, context, "import:data");
  const upload = await getUpload(env.db, params.id ?? "", user.id);
  return Response.json(upload ? progressOf(upload.id) : null, { headers: { "Cache-Control": "no-store" } });
}
