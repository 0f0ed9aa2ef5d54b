import type { LoaderFunctionArgs } from "@remix-run/node";
import { certificateFile } from "~/.server/certificates";
import { notFound } from "~/.server/errors";
import { requirePermission } from "~/.server/session";

// The certificate exactly as issued (the stored bytes, never regenerated).
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, scope, env } = await requirePermission(request, context, "read:certificate");
  const file = await certificateFile(env.db, Number(params.id), scope, user);
  if (!file) notFound("Sertifikat ini tidak ditemukan, atau tidak termasuk wewenang Anda.");
  return new Response(Buffer.from(file.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="Sertifikat-${file.number.replaceAll("/", "-")}.pdf"`,
      "Cache-Control": "no-store",
    },
  });
}
