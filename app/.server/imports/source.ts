// Where an import's rows come from: CSV text (a stored upload), a file on disk (the command line: CSV, or an
// Excel workbook recognised by its zip signature, whatever its name), or a stored workbook's bytes. One reader
// for the engine, the stored uploads and the batch export, so every kind of file is read the same way.
import { createHash } from "node:crypto";
import { open } from "node:fs/promises";
import { type CsvRecord, readCsv } from "./csv";
import type { LateProblem, ReadOptions } from "./xlsx";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** True when the bytes start as a zip does: an .xlsx workbook, whatever its name says. */
export const isZip = (bytes: Uint8Array) => ZIP_MAGIC.every((b, i) => bytes[i] === b);

export type ImportSource = { text: string } | { path: string; sheet?: string } | { bytes: Uint8Array; sheet?: string };

/** True when the file on disk is a zip (an .xlsx workbook), whatever its name says. */
export async function isWorkbookFile(path: string): Promise<boolean> {
  const handle = await open(path, "r");
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(4), 0, 4, 0);
    return bytesRead === 4 && isZip(buffer);
  } finally {
    await handle.close();
  }
}

/** Hands the source's records to `handle` a chunk at a time; returns problems found after their rows (xlsx). */
export async function readRecords(
  source: ImportSource,
  handle: (records: CsvRecord[]) => Promise<void>,
  options: ReadOptions = {},
): Promise<LateProblem[]> {
  if ("bytes" in source || ("path" in source && (await isWorkbookFile(source.path)))) {
    // Loaded only for a workbook: the zip and XML readers cost a CSV import's start-up a tenth of a second.
    const { readXlsx } = await import("./xlsx");
    return readXlsx(source, handle, options);
  }
  await readCsv(source, handle);
  return [];
}

/** The SHA-256 of what was uploaded (stored with the batch); unknown for a file read from disk. */
export function sourceSha256(source: ImportSource): string | null {
  if ("text" in source) return createHash("sha256").update(source.text).digest("hex");
  if ("bytes" in source) return createHash("sha256").update(source.bytes).digest("hex");
  return null;
}

/** A stored upload as a source: a workbook is kept as base64 text, a CSV file as its text. */
export function uploadSource(upload: { content: string; format: string; sheet: string | null }): ImportSource {
  return upload.format === "xlsx"
    ? { bytes: Buffer.from(upload.content, "base64"), sheet: upload.sheet ?? undefined }
    : { text: upload.content };
}
