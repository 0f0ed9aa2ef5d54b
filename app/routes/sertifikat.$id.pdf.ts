import type { LoaderFunctionArgs } from "@remix-run/node";
import { hiddenOrMissing } from "~/.server/access";
import { certificateFile } from "~/.server/certificates";
import { downloadResponse } from "~/.server/download";
import { requirePermission } from "~/.server/session";

// The certificate exactly as issued (the stored bytes, never regenerated).
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, context, "read:certificate");
  const id = Number(params.id);
  const file = await certificateFile(auth.env.db, id, auth.access);
  if (!file) {
    return hiddenOrMissing(
      auth,
      request,
      { entity: "certificate", id },
      "Sertifikat ini tidak ditemukan, atau tidak termasuk wewenang Anda.",
    );
  }
  // 'Sertifikat-001-SK-CC-2026.pdf': the number's slashes become hyphens (safeFileName).
  return downloadResponse(Buffer.from(file.pdf), `Sertifikat-${file.number}.pdf`, "pdf");
}
