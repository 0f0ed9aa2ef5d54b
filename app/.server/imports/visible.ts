// Which uploads and batches a user may open: an upload is its uploader's alone; a batch is seen by everyone who
// may import its kind. Anything else answers 404, and a request for one that exists is recorded as denied.
import { hiddenOrMissing, recordDenied } from "../access";
import { notFound } from "../errors";
import type { Authenticated } from "../session";
import { getBatch, getUpload } from "./batches";
import { importableKinds } from "./upload";

export async function ownUpload(auth: Authenticated, request: Request, id: string | undefined) {
  const upload = await getUpload(auth.env.db, id ?? "", auth.user.id);
  const message = "Unggahan ini tidak ditemukan. Unggah berkasnya lagi.";
  if (!upload) return hiddenOrMissing(auth, request, { entity: "import_upload", id: id ?? "" }, message);
  if (!importableKinds(auth.user.roles).includes(upload.kind as "training")) notFound(message);
  return upload;
}

export async function visibleBatch(auth: Authenticated, request: Request, id: string | undefined) {
  const batch = await getBatch(auth.env.db, Number(id));
  const message = "Impor ini tidak ditemukan.";
  if (!batch) notFound(message);
  if (!importableKinds(auth.user.roles).includes(batch.kind as "training")) {
    await recordDenied(auth, request, "import_batch", batch.id);
    notFound(message);
  }
  return batch;
}
