// The one way a route answers with a file to download (a workbook, a CSV file, a certificate): as an attachment
// under a file name that is safe in a header, never cached (every file holds personal or period data).

export const CONTENT_TYPES = {
  /** Text Mutu wrote itself (excel-csv.ts). */
  csv: "text/csv; charset=utf-8",
  /** A CSV file sent byte for byte as it was stored, in whatever encoding it has (the import samples). */
  csvBytes: "text/csv",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
} as const;

export type DownloadType = keyof typeof CONTENT_TYPES;

/**
 * A file name for Content-Disposition: letters, digits, '.', '_' and '-' are kept, anything else (a '/' of a
 * certificate number, a quote, a space, a line break) becomes '-', so the name can neither break the header
 * nor name a folder.
 */
export function safeFileName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, "-");
}

/** The response that downloads `body` as `fileName`. */
export function downloadResponse(body: BodyInit, fileName: string, type: DownloadType): Response {
  return new Response(body, {
    headers: {
      "Content-Type": CONTENT_TYPES[type],
      "Content-Disposition": `attachment; filename="${safeFileName(fileName)}"`,
      "Cache-Control": "no-store",
    },
  });
}

/**
 * Refuses a download with a message (400) in plain text: the address is opened as a download, where no error
 * page would be shown.
 */
export function refuseDownload(message: string): never {
  throw new Response(message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
