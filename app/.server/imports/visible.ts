// Which uploads and batches a user may open: an upload is its uploader's alone; a batch is seen by everyone who
// may import its kind. Anything else answers 404, and a request for one that exists is recorded as denied.
import { KIND_LABELS } from "../../../analytics/import-rules";
import { hiddenOrMissing, recordDenied } from "../access";
import type { Database } from "../db";
import { notFound } from "../errors";
import type { Access } from "../scope";
import type { Permitted } from "../session";
import { getBatch, getUpload, listBatches } from "./batches";
import { importableKinds, importFormats } from "./upload";

export async function ownUpload(auth: Permitted, request: Request, id: string | undefined) {
  const upload = await getUpload(auth.env.db, id ?? "", auth.access.userId);
  const message = "Unggahan ini tidak ditemukan. Unggah berkasnya lagi.";
  if (!upload) return hiddenOrMissing(auth, request, { entity: "import_upload", id: id ?? "" }, message);
  if (!importableKinds(auth.access.roles).includes(upload.kind as "training")) notFound(message);
  return upload;
}

export async function visibleBatch(auth: Permitted, request: Request, id: string | undefined) {
  const batch = await getBatch(auth.env.db, Number(id));
  const message = "Impor ini tidak ditemukan.";
  if (!batch) notFound(message);
  if (!importableKinds(auth.access.roles).includes(batch.kind as "training")) {
    await recordDenied(auth, request, "import_batch", batch.id);
    notFound(message);
  }
  return batch;
}

/** The import history as `access` sees it: the latest batches of the kinds its roles may import. */
export function visibleBatches(db: Database, access: Access) {
  return listBatches(db, importableKinds(access.roles));
}

/** The import page: the kinds `access` may import, their formats, its history, and the upload limit (MB). */
export async function importPage(db: Database, access: Access, maxMegabytes: number) {
  const kinds = importableKinds(access.roles);
  return {
    kinds: kinds.map((k) => ({ value: k, label: KIND_LABELS[k] })),
    formats: importFormats(kinds),
    batches: await visibleBatches(db, access),
    maxMegabytes,
  };
}
