// Receiving a CSV upload from the import page: size limit (a setting), UTF-8 check, kept for preview.
import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { COLUMNS, KIND_GUIDE } from "../../../analytics/import-columns";
import { IMPORT_KINDS, type ImportKind, isImportKind, KIND_LABELS } from "../../../analytics/import-rules";
import { can, type Role } from "../../permissions";
import type { Actor } from "../audit";
import type { Database } from "../db";
import type { Settings } from "../settings";
import { markUploadCommitted, storeUpload } from "./batches";
import { FileRefused } from "./csv";
import { runImport } from "./engine";
import { reportProgress } from "./progress";
import { SAMPLES } from "./samples";

/** Which kinds of file the user's roles may import. */
export function importableKinds(roles: readonly Role[]): ImportKind[] {
  return IMPORT_KINDS.filter((kind) => can(roles, `import:${kind}`));
}

/** What the import page lists for each kind: its columns (the engine's own specs) and its sample files. */
export function importFormats(kinds: readonly ImportKind[]) {
  return kinds.map((kind) => ({
    kind,
    label: KIND_LABELS[kind],
    ...KIND_GUIDE[kind],
    columns: COLUMNS[kind].map(({ names, required, content }) => ({ names, required, content })),
    samples: SAMPLES.filter((s) => s.kind === kind).map(({ file, description }) => ({ file, description })),
  }));
}

export async function receiveUpload(
  db: Database,
  request: Request,
  settings: Settings,
  user: { id: number; roles: readonly Role[] },
): Promise<{ ok: true; uploadId: string } | { ok: false; errors: Record<string, string> }> {
  const limit = settings["import.maxMegabytes"];
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: limit * 1024 * 1024 }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      return {
        ok: false,
        errors: {
          file: `Berkas lebih besar dari ${limit} MB. Bagi menjadi beberapa berkas, lalu impor satu per satu.`,
        },
      };
    }
    throw error;
  }
  const kind = form.get("kind");
  if (!isImportKind(kind)) return { ok: false, errors: { kind: "Pilih jenis data yang diimpor." } };
  if (!importableKinds(user.roles).includes(kind)) {
    return { ok: false, errors: { kind: "Peran Anda tidak mencakup impor jenis data ini." } };
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0)
    return { ok: false, errors: { file: "Pilih berkas CSV yang akan diimpor." } };
  try {
    const uploadId = await storeUpload(db, {
      kind,
      fileName: file.name || "berkas.csv",
      bytes: new Uint8Array(await file.arrayBuffer()),
      userId: user.id,
    });
    return { ok: true, uploadId };
  } catch (error) {
    if (error instanceof FileRefused) return { ok: false, errors: { file: error.message } };
    throw error;
  }
}

type Upload = { id: string; kind: string; fileName: string; content: string };

/** Runs the import engine on a stored upload, reporting progress for the page that polls it. */
/** Commits a previewed upload; once committed, the upload is tied to its batch so it is not offered again. */
export async function commitUpload(db: Database, upload: Upload, actor: Actor, validOnly: boolean) {
  const report = await runUpload(db, upload, actor, { commit: true, validOnly });
  if (report.committed) await markUploadCommitted(db, upload.id, report.batchId);
  return report;
}

export function runUpload(
  db: Database,
  upload: Upload,
  actor: Actor,
  options: { commit: boolean; validOnly: boolean; changesPage?: number },
) {
  return runImport(db, {
    kind: upload.kind as ImportKind,
    fileName: upload.fileName,
    source: { text: upload.content },
    commit: options.commit,
    validOnly: options.validOnly,
    changesPage: options.changesPage,
    actor,
    onProgress: (p) => reportProgress(upload.id, p),
  });
}
