// Reading CSV files as HR and the phone system write them: UTF-8 with or without BOM (anything else is
// refused with a message that says so), comma, semicolon or tab, CRLF, quoted fields. Streams with papaparse,
// pausing while each chunk of rows is handled, so memory stays flat however long the file is.
import { open } from "node:fs/promises";
import { Readable, Transform } from "node:stream";
import Papa from "papaparse";
import { detectDelimiter } from "../../../analytics/import-rules";

/** A problem with the whole file: nothing in it is imported. */
export class FileRefused extends Error {
  override name = "FileRefused";
  constructor(readonly messages: string[]) {
    super(messages.join(" "));
  }
}

export const NOT_UTF8 =
  'Berkas ini bukan teks UTF-8. Di Excel, simpan ulang dengan Save As › "CSV UTF-8 (Comma delimited)", lalu unggah lagi.';

/** Decodes a whole file, refusing anything that is not valid UTF-8; the BOM is dropped. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new FileRefused([NOT_UTF8]);
  }
}

/** Decoded text from bytes, refusing invalid UTF-8 as it goes; the byte-order mark is dropped. */
function decodingStream(): Transform {
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  return new Transform({
    decodeStrings: true,
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, done) {
      try {
        done(null, decoder.decode(chunk, { stream: true }));
      } catch {
        done(new FileRefused([NOT_UTF8]));
      }
    },
    flush(done) {
      try {
        done(null, decoder.decode());
      } catch {
        done(new FileRefused([NOT_UTF8]));
      }
    },
  });
}

export type CsvSource = { text: string } | { path: string };

async function headerSample(source: CsvSource): Promise<string> {
  if ("text" in source) return source.text.slice(0, 64 * 1024);
  const handle = await open(source.path, "r");
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString("utf8");
  } finally {
    await handle.close();
  }
}

async function readable(source: CsvSource): Promise<Readable> {
  if ("text" in source) return Readable.from([source.text.replace(/^\uFEFF/, "")], { objectMode: true });
  const handle = await open(source.path, "r");
  const raw = handle.createReadStream();
  const decoded = decodingStream();
  // An error reading the file reaches the parser the same way as an encoding error.
  raw.on("error", (error) => decoded.destroy(error));
  return raw.pipe(decoded);
}

export type CsvRecord = { cells: string[]; row: number; problem: string | null };

/**
 * Calls `handle` with the file's records, a chunk at a time, in order. `row` is the number a spreadsheet
 * shows (the header is row 1). A record papaparse could not read cleanly (a quote never closed) carries the
 * reason in `problem`.
 */
export async function readCsv(source: CsvSource, handle: (records: CsvRecord[]) => Promise<void>): Promise<void> {
  const delimiter = detectDelimiter((await headerSample(source)).replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "");
  const input = await readable(source);
  let row = 0;
  await new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      reject(error);
    };
    input.on("error", fail);
    Papa.parse<string[]>(input as unknown as File, {
      delimiter,
      header: false,
      skipEmptyLines: false,
      dynamicTyping: false, // NIPs are 18 digits: never numbers
      chunkSize: 256 * 1024,
      chunk(results, parser) {
        parser.pause();
        const broken = new Map<number, string>();
        for (const error of results.errors) {
          if (typeof error.row === "number") {
            broken.set(
              error.row,
              error.code === "MissingQuotes"
                ? 'Tanda kutip (") dibuka tetapi tidak ditutup; periksa isi sel pada baris ini.'
                : `Baris tidak dapat dibaca sebagai CSV (${error.message}).`,
            );
          }
        }
        const records = results.data.map((cells, index) => ({ cells, row: ++row, problem: broken.get(index) ?? null }));
        handle(records).then(
          () => parser.resume(),
          (error) => {
            fail(error); // first: aborting calls complete()
            parser.abort();
          },
        );
      },
      complete: () => {
        if (!failed) resolve();
      },
      error: (error: Error) => fail(error),
    });
  });
}
