// Reading CSV files as HR and the phone system write them: UTF-8 with or without BOM (anything else, or NUL, is
// refused with a message that says so), comma, semicolon or tab, line breaks CRLF, LF or CR (mixed too), quoted
// fields. Streams with papaparse, pausing while each chunk of rows is handled, so memory stays flat however long
// the file is.
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

// A NUL is no text: a binary file (an .xlsx uploaded as CSV) or Excel's "Unicode Text" (UTF-16). PostgreSQL
// stores no NUL in text either, so such a file would otherwise fail the upload or the preview as a whole.
export const NOT_TEXT =
  'Berkas ini berisi karakter NUL, jadi bukan teks CSV (mungkin berkas Excel atau teks UTF-16). Di Excel, simpan ulang dengan Save As › "CSV UTF-8 (Comma delimited)", lalu unggah lagi.';

/** Decodes a whole file, refusing anything that is not valid UTF-8 or holds a NUL; the BOM is dropped. */
export function decodeUtf8(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new FileRefused([NOT_UTF8]);
  }
  if (text.includes("\u0000")) throw new FileRefused([NOT_TEXT]);
  return text;
}

/**
 * Every line break as LF, fed text a piece at a time: a file that mixes CRLF, LF and lone CR (lines pasted
 * from several tools) then has the rows a spreadsheet shows, where papaparse's single guessed line break
 * would join two lines into one row and number every later row one too low.
 */
function lineFeeds(): (text: string, last: boolean) => string {
  let carriedCr = false; // a CR at the end of a piece may be the first half of a CRLF
  return (piece, last) => {
    let text = carriedCr ? `\r${piece}` : piece;
    carriedCr = !last && text.endsWith("\r");
    if (carriedCr) text = text.slice(0, -1);
    return text.replace(/\r\n?/g, "\n");
  };
}

/** Decoded text from bytes, refusing invalid UTF-8 and NUL as it goes; the byte-order mark is dropped. */
function decodingStream(): Transform {
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  const lines = lineFeeds();
  let atStart = true;
  const decode = (chunk: Buffer | null): string | FileRefused => {
    let text: string;
    try {
      text = chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      return new FileRefused([NOT_UTF8]);
    }
    // Every BOM at the start goes (a file saved twice with one has two), as from an upload's text (readable).
    if (atStart) {
      text = text.replace(/^\uFEFF+/, "");
      atStart = text === "";
    }
    return text.includes("\u0000") ? new FileRefused([NOT_TEXT]) : lines(text, chunk === null);
  };
  return new Transform({
    decodeStrings: true,
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, done) {
      const text = decode(chunk);
      if (text instanceof FileRefused) done(text);
      else done(null, text);
    },
    flush(done) {
      const text = decode(null);
      if (text instanceof FileRefused) done(text);
      else done(null, text);
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
  if ("text" in source) {
    if (source.text.includes("\u0000")) throw new FileRefused([NOT_TEXT]);
    return Readable.from([lineFeeds()(source.text.replace(/^\uFEFF+/, ""), true)], { objectMode: true });
  }
  const handle = await open(source.path, "r");
  const raw = handle.createReadStream();
  const decoded = decodingStream();
  // An error reading the file reaches the parser the same way as an encoding error.
  raw.on("error", (error) => decoded.destroy(error));
  // Closing the text closes the file: one given up early (its header refused) is not left to the garbage collector.
  decoded.on("close", () => raw.destroy());
  return raw.pipe(decoded);
}

export type CsvRecord = { cells: string[]; row: number; problem: string | null };

/**
 * Calls `handle` with the file's records, a chunk at a time, in order. `row` is the number a spreadsheet
 * shows (the header is row 1). A record papaparse could not read cleanly (a quote never closed) carries the
 * reason in `problem`.
 */
export async function readCsv(source: CsvSource, handle: (records: CsvRecord[]) => Promise<void>): Promise<void> {
  const delimiter = detectDelimiter((await headerSample(source)).replace(/^\uFEFF+/, "").split(/\r\n?|\n/, 1)[0] ?? "");
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
      newline: "\n", // every line break is LF by now (lineFeeds)
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
  }).finally(() => input.destroy());
}
