import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadResponse } from "~/.server/download";
import { notFound } from "~/.server/errors";
import { findSample, readSample } from "~/.server/imports/samples";
import { requirePermission } from "~/.server/session";

// A sample CSV file of the import page, for those who may import its kind.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const sample = findSample(params.berkas ?? "");
  if (!sample) {
    await requirePermission(request, context, "import:data");
    notFound("Berkas contoh ini tidak ada.");
  }
  const { env } = await requirePermission(request, context, `import:${sample.kind}`);
  return downloadResponse(new Uint8Array(await readSample(sample, env.db)), sample.file, "csvBytes");
}
