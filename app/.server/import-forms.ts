// From the import pages' forms to imports/: the uploaded file (its bytes, name and kind), a preview's commit or
// cancel, a batch's undo. The body's overall size was already limited at the HTTP edge (http-edge.ts).
import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { z } from "zod";
import { IMPORT_KINDS } from "../../analytics/import-rules";
import type { Actor } from "./audit";
import type { Database } from "./db";
import { submitConfirmed } from "./forms";
import { discardUpload, undoBatch } from "./imports/batches";
import { commitUpload, receiveUpload } from "./imports/upload";
import type { Access } from "./scope";

const NO_FILE = "Pilih berkas CSV atau Excel (.xlsx) yang akan diimpor.";

const uploadInput = z.object({
  kind: z.enum(IMPORT_KINDS, { error: "Pilih jenis data yang diimpor." }),
  file: z.instanceof(File, { error: NO_FILE }).refine((file) => file.size > 0, { error: NO_FILE }),
  // A workbook's sheet by name; empty: its first visible sheet. Ignored for a CSV file.
  sheet: z.string().trim().max(100, { error: "Nama lembar paling panjang 100 karakter." }).optional(),
});

/**
 * The upload form of the import page: the file is read in memory up to the `import.maxMegabytes` setting, then
 * kept for its preview. The upload's id, or one message for the first field to fix.
 */
export async function uploadForm(
  db: Database,
  access: Access,
  request: Request,
  maxMegabytes: number,
): Promise<{ ok: true; uploadId: string } | { ok: false; errors: Record<string, string> }> {
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: maxMegabytes * 1024 * 1024 }),
    );
  } catch (error) {
    if (!(error instanceof MaxPartSizeExceededError)) throw error;
    const message = `Berkas lebih besar dari ${maxMegabytes} MB. Bagi menjadi beberapa berkas, lalu impor satu per satu.`;
    return { ok: false, errors: { file: message } };
  }
  const parsed = uploadInput.safeParse({
    kind: form.get("kind"),
    file: form.get("file"),
    sheet: form.get("sheet") ?? undefined,
  });
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    return { ok: false, errors: { [String(issue?.path[0] ?? "_form")]: issue?.message ?? NO_FILE } };
  }
  const { kind, file, sheet } = parsed.data;
  return receiveUpload(db, access, {
    kind,
    fileName: file.name || "berkas.csv",
    bytes: new Uint8Array(await file.arrayBuffer()),
    sheet: sheet || undefined,
  });
}

type Upload = Parameters<typeof commitUpload>[1] & { batchId: number | null };

/**
 * The preview page's forms: cancel ("batal": the upload is deleted) or commit, all rows or the valid ones only
 * ("validOnly"). Where to go next, or why nothing was saved.
 */
export async function previewAction(
  db: Database,
  actor: Actor,
  userId: number,
  upload: Upload,
  form: FormData,
): Promise<{ ok: true; location: string } | { ok: false; message: string }> {
  if (form.get("intent") === "batal") {
    const discarded = await discardUpload(db, upload.id, userId);
    // A preview already committed (from another tab) is a batch now: it is undone on its own page.
    return {
      ok: true,
      location: discarded || !upload.batchId ? "/impor?pratinjau-dibatalkan=1" : `/impor/riwayat/${upload.batchId}`,
    };
  }
  const report = await commitUpload(db, upload, actor, form.get("validOnly") === "1");
  if (!report.committed) {
    return {
      ok: false,
      message: "Impor tidak disimpan: masih ada kesalahan. Perbaiki berkasnya, atau pilih impor baris yang valid saja.",
    };
  }
  return {
    ok: true,
    location: report.batchId ? `/impor/riwayat/${report.batchId}?baru=1` : "/impor?tanpa-perubahan=1",
  };
}

/** The batch page's undo, once confirmed. */
export function undoBatchForm(db: Database, actor: Actor & { id: number | null }, batchId: number, form: FormData) {
  return submitConfirmed(z.object({}), form, () => undoBatch(db, actor, batchId));
}
