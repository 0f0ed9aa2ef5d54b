// Receiving a CSV upload from the import page (UTF-8 check, kept for preview), then previewing and committing it.
import { COLUMNS, KIND_GUIDE } from "../../../analytics/import-columns";
import { IMPORT_KINDS, type ImportKind, KIND_LABELS } from "../../../analytics/import-rules";
import { can, type Role } from "../../permissions";
import type { Actor } from "../audit";
import type { Database } from "../db";
import type { Access } from "../scope";
import { markUploadCommitted, storeUpload } from "./batches";
import { FileRefused } from "./csv";
import { runImport } from "./engine";
import { reportProgress } from "./progress";
import { SAMPLES } from "./samples";
import { uploadSource } from "./source";

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
    samples: SAMPLES.filter((s) => s.kind === kind).map(({ file, description, generated }) => ({
      file,
      description,
      generated: generated === true,
    })),
  }));
}

/**
 * Keeps an uploaded file of `kind` for its preview: the upload's id, or why it is refused (a kind the user's
 * roles may not import, a file that is not UTF-8 text).
 */
export async function receiveUpload(
  db: Database,
  access: Access,
  upload: { kind: ImportKind; fileName: string; bytes: Uint8Array; sheet?: string },
): Promise<{ ok: true; uploadId: string } | { ok: false; errors: Record<string, string> }> {
  if (!importableKinds(access.roles).includes(upload.kind)) {
    return { ok: false, errors: { kind: "Peran Anda tidak mencakup impor jenis data ini." } };
  }
  try {
    return { ok: true, uploadId: await storeUpload(db, { ...upload, userId: access.userId }) };
  } catch (error) {
    if (error instanceof FileRefused) return { ok: false, errors: { file: error.message } };
    throw error;
  }
}

type Upload = { id: string; kind: string; fileName: string; content: string; format: string; sheet: string | null };

/** Commits a previewed upload; once committed, the upload is tied to its batch so it is not offered again. */
export async function commitUpload(db: Database, upload: Upload, actor: Actor, validOnly: boolean) {
  const report = await runUpload(db, upload, actor, { commit: true, validOnly });
  if (report.committed) await markUploadCommitted(db, upload.id, report.batchId);
  return report;
}

/** Runs the import engine on a stored upload, reporting progress for the page that polls it. */
export function runUpload(
  db: Database,
  upload: Upload,
  actor: Actor,
  options: { commit: boolean; validOnly: boolean; changesPage?: number },
) {
  return runImport(db, {
    kind: upload.kind as ImportKind,
    fileName: upload.fileName,
    source: uploadSource(upload),
    commit: options.commit,
    validOnly: options.validOnly,
    changesPage: options.changesPage,
    actor,
    onProgress: (p) => reportProgress(upload.id, p),
  });
}
