// Reading an Excel workbook (.xlsx) as the import reads a CSV file: the first visible sheet or a named one, the
// header in row 1, each cell as the text the person sees (xlsx-cells.ts), rows numbered as Excel numbers them.
// The zip is opened by its directory, the small parts (workbook, styles, shared strings) are read first, and the
// sheet is parsed as a stream, a chunk of rows at a time, so a long sheet keeps memory flat. What a person would
// not see, or would see differently, is reported at its row: a hidden row, a filled cell in a hidden column, an
// Excel error value, a formula without a stored result, and merged cells (listed at the end of a sheet, so
// reported once the sheet is read).
import type { Readable } from "node:stream";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { type CentralDirectory, type File, Open } from "unzipper";
import type { CsvRecord } from "./csv";
import { FileRefused } from "./csv";
import { formatCode, numberText } from "./xlsx-cells";

export type XlsxSource = { path: string; sheet?: string } | { bytes: Uint8Array; sheet?: string };
export type ReadOptions = {
  /** The columns (0-based) the import reads, given the header row: a hidden column it ignores is no problem. */
  columnsUsed?: (header: readonly string[]) => ReadonlySet<number>;
};
/** A problem found after its row was handed on (merged cells): the caller takes the row back. */
export type LateProblem = { row: number; message: string };

export const NOT_XLSX =
  "Berkas ini bukan berkas Excel (.xlsx) yang dapat dibaca. Simpan ulang dari Excel sebagai Excel Workbook (.xlsx) atau CSV UTF-8, lalu unggah lagi.";
const CHUNK = 1000;

/** Column letters (A, Z, AA) as a 0-based index, and back. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Feeds an entry's XML to a SAX handler, a chunk at a time; `between` runs after each chunk (to hand rows on). */
async function parseXml(
  stream: Readable,
  on: (parser: SaxesParser) => void,
  between?: () => Promise<void>,
): Promise<void> {
  const parser = new SaxesParser();
  on(parser);
  const decoder = new TextDecoder("utf-8");
  try {
    for await (const chunk of stream) {
      parser.write(decoder.decode(chunk as Buffer, { stream: true }));
      await between?.();
    }
    parser.write(decoder.decode());
    parser.close();
  } catch (error) {
    stream.destroy();
    if (error instanceof FileRefused) throw error;
    throw new FileRefused([NOT_XLSX]);
  }
}

type Parts = {
  sheets: { name: string; target: string; hidden: boolean }[];
  date1904: boolean;
  /** Number format code per cell style index (the `s` of a cell). */
  styleFormats: string[];
  sharedStrings: string[];
};

async function readParts(zip: CentralDirectory): Promise<Parts> {
  const entry = (name: string) => zip.files.find((f) => f.path === name);
  const workbook = entry("xl/workbook.xml");
  if (!workbook) throw new FileRefused([NOT_XLSX]);
  const parts: Parts = { sheets: [], date1904: false, styleFormats: [], sharedStrings: [] };
  const sheetIds: { name: string; rid: string; hidden: boolean }[] = [];
  await parseXml(workbook.stream(), (p) =>
    p.on("opentag", (tag) => {
      const a = (tag as SaxesTagPlain).attributes;
      if (tag.name === "workbookPr") parts.date1904 = a.date1904 === "1" || a.date1904 === "true";
      if (tag.name === "sheet") {
        sheetIds.push({ name: a.name ?? "", rid: a["r:id"] ?? "", hidden: (a.state ?? "visible") !== "visible" });
      }
    }),
  );
  const targets = new Map<string, string>();
  const rels = entry("xl/_rels/workbook.xml.rels");
  if (rels) {
    await parseXml(rels.stream(), (p) =>
      p.on("opentag", (tag) => {
        const a = (tag as SaxesTagPlain).attributes;
        if (tag.name === "Relationship" && a.Id && a.Target) {
          targets.set(a.Id, a.Target.startsWith("/") ? a.Target.slice(1) : `xl/${a.Target}`);
        }
      }),
    );
  }
  parts.sheets = sheetIds.map((s) => ({ name: s.name, hidden: s.hidden, target: targets.get(s.rid) ?? "" }));

  const styles = entry("xl/styles.xml");
  if (styles) {
    const custom = new Map<number, string>();
    let inCellXfs = false;
    await parseXml(styles.stream(), (p) => {
      p.on("opentag", (tag) => {
        const a = (tag as SaxesTagPlain).attributes;
        if (tag.name === "numFmt") custom.set(Number(a.numFmtId), a.formatCode ?? "General");
        if (tag.name === "cellXfs") inCellXfs = true;
        if (tag.name === "xf" && inCellXfs) parts.styleFormats.push(formatCode(Number(a.numFmtId ?? 0), custom));
      });
      p.on("closetag", (tag) => {
        if (tag.name === "cellXfs") inCellXfs = false;
      });
    });
  }

  const shared = entry("xl/sharedStrings.xml");
  if (shared) {
    let text = "";
    let inText = false;
    let inPhonetic = false;
    await parseXml(shared.stream(), (p) => {
      p.on("opentag", (tag) => {
        if (tag.name === "si") text = "";
        if (tag.name === "rPh") inPhonetic = true;
        if (tag.name === "t" && !inPhonetic) inText = true;
      });
      p.on("text", (t) => {
        if (inText) text += t;
      });
      p.on("closetag", (tag) => {
        if (tag.name === "t") inText = false;
        if (tag.name === "rPh") inPhonetic = false;
        if (tag.name === "si") parts.sharedStrings.push(text);
      });
    });
  }
  return parts;
}

function chooseSheet(parts: Parts, wanted: string | undefined, zip: CentralDirectory): File {
  const sheet = wanted
    ? parts.sheets.find((s) => s.name.trim().toLowerCase() === wanted.trim().toLowerCase())
    : parts.sheets.find((s) => !s.hidden);
  if (!sheet) {
    const names = parts.sheets.map((s) => `"${s.name}"`).join(", ");
    throw new FileRefused([
      wanted
        ? `Lembar "${wanted}" tidak ada di berkas Excel ini. Lembar yang ada: ${names}.`
        : "Berkas Excel ini tidak punya lembar yang terlihat.",
    ]);
  }
  const file = zip.files.find((f) => f.path === sheet.target);
  if (!file) throw new FileRefused([NOT_XLSX]);
  return file;
}

async function openZip(source: XlsxSource): Promise<CentralDirectory> {
  try {
    return "path" in source ? await Open.file(source.path) : await Open.buffer(Buffer.from(source.bytes));
  } catch {
    throw new FileRefused([NOT_XLSX]);
  }
}

/** Opens a workbook and finds its sheet, refusing (FileRefused) one that cannot be read: for an upload. */
export async function checkWorkbook(source: XlsxSource): Promise<void> {
  const zip = await openZip(source);
  chooseSheet(await readParts(zip), source.sheet, zip);
}

/**
 * Calls `handle` with the sheet's rows a chunk at a time, in order, as CSV records: `row` is Excel's row number
 * (rows Excel stores nothing for are blank rows, and skipped), `cells` the text of each column. Returns the
 * problems found after their rows were handed on (merged cells).
 */
export async function readXlsx(
  source: XlsxSource,
  handle: (records: CsvRecord[]) => Promise<void>,
  options: ReadOptions = {},
): Promise<LateProblem[]> {
  const zip = await openZip(source);
  const parts = await readParts(zip);
  const sheet = chooseSheet(parts, source.sheet, zip);

  const hiddenColumns = new Set<number>();
  // The hidden columns that matter: those the import reads (all of them until the header is known).
  let watched: ReadonlySet<number> | null = null;
  const late: LateProblem[] = [];
  let pending: CsvRecord[] = [];
  let first = true;
  // The row being read.
  let row: { number: number; hidden: boolean; cells: string[]; problems: string[] } | null = null;
  let cell: { ref: string; type: string; style: number; value: string | null; formula: boolean } | null = null;
  let inValue = false;
  let inInline = false;
  let nextRow = 1;

  const finishCell = () => {
    if (!row || !cell) return;
    const index = cell.ref ? columnIndex(cell.ref.replace(/\d+$/, "")) : row.cells.length;
    const text = cellText(cell, parts);
    if (text.problem) row.problems.push(`Sel ${columnLetters(index)}${row.number} ${text.problem}`);
    while (row.cells.length < index) row.cells.push("");
    row.cells[index] = text.value;
    if (text.value.trim() !== "" && hiddenColumns.has(index) && watched?.has(index)) {
      row.problems.push(
        `Sel ${columnLetters(index)}${row.number} ada di kolom yang disembunyikan di Excel. Tampilkan kolomnya (Unhide) dan periksa isinya, atau kosongkan.`,
      );
    }
  };
  const finishRow = () => {
    if (!row) return;
    if (first) {
      first = false;
      if (row.number !== 1) throw new FileRefused(["Baris 1 lembar ini kosong: nama kolom harus ada di baris 1."]);
      if (row.problems.length > 0) throw new FileRefused(row.problems);
      watched = options.columnsUsed?.(row.cells) ?? new Set(row.cells.keys());
    } else if (row.hidden && row.cells.some((c) => c.trim() !== "")) {
      row.problems.unshift(
        `Baris ${row.number} disembunyikan di Excel. Tampilkan barisnya (Unhide) dan periksa isinya, atau hapus barisnya.`,
      );
    }
    pending.push({
      cells: row.cells,
      row: row.number,
      problem: row.problems.length > 0 ? row.problems.join(" ") : null,
    });
    row = null;
  };

  await parseXml(
    sheet.stream(),
    (p) => {
      p.on("opentag", (tag) => {
        const a = (tag as SaxesTagPlain).attributes;
        switch (tag.name) {
          case "col":
            if (a.hidden === "1" || a.hidden === "true") {
              for (let c = Number(a.min) - 1; c <= Number(a.max) - 1 && c < 16_384; c++) hiddenColumns.add(c);
            }
            break;
          case "row": {
            const number = a.r ? Number(a.r) : nextRow;
            nextRow = number + 1;
            row = { number, hidden: a.hidden === "1" || a.hidden === "true", cells: [], problems: [] };
            break;
          }
          case "c":
            cell = { ref: a.r ?? "", type: a.t ?? "n", style: Number(a.s ?? 0), value: null, formula: false };
            break;
          case "f":
            if (cell) cell.formula = true;
            break;
          case "v":
            inValue = true;
            if (cell) cell.value = "";
            break;
          case "is":
            inInline = true;
            if (cell) cell.value = "";
            break;
          case "mergeCell":
            if (a.ref) late.push(mergeProblem(a.ref));
            break;
        }
      });
      p.on("text", (t) => {
        if (cell && (inValue || inInline) && cell.value !== null) cell.value += t;
      });
      p.on("closetag", (tag) => {
        if (tag.name === "v") inValue = false;
        else if (tag.name === "is") inInline = false;
        else if (tag.name === "c") {
          finishCell();
          cell = null;
        } else if (tag.name === "row") finishRow();
      });
    },
    async () => {
      if (pending.length >= CHUNK) {
        const batch = pending;
        pending = [];
        await handle(batch);
      }
    },
  );
  if (pending.length > 0) await handle(pending);
  return late;
}

function cellText(
  cell: { type: string; style: number; value: string | null; formula: boolean },
  parts: Parts,
): { value: string; problem?: string } {
  if (cell.value === null) {
    return cell.formula
      ? {
          value: "",
          problem:
            "berisi rumus yang belum dihitung (tidak ada nilai tersimpan). Buka berkasnya di Excel, simpan, lalu unggah lagi.",
        }
      : { value: "" };
  }
  switch (cell.type) {
    case "s":
      return { value: parts.sharedStrings[Number(cell.value)] ?? "" };
    case "str":
    case "inlineStr":
      return { value: cell.value };
    case "b":
      return { value: cell.value === "1" ? "TRUE" : "FALSE" };
    case "e":
      return {
        value: cell.value,
        problem: `berisi galat Excel ${cell.value}. Perbaiki rumus atau isinya, lalu unggah lagi.`,
      };
    case "d":
      return {
        value: cell.value
          .replace(/T00:00:00(\.0+)?Z?$/, "")
          .replace("T", " ")
          .slice(0, 16),
      };
    default: {
      const number = Number(cell.value);
      if (!Number.isFinite(number)) return { value: cell.value };
      return { value: numberText(number, parts.styleFormats[cell.style] ?? "General", parts.date1904) };
    }
  }
}

function mergeProblem(ref: string): LateProblem {
  const start = /^([A-Z]+)(\d+)/i.exec(ref);
  return {
    row: Number(start?.[2] ?? 1),
    message: `Sel ${ref} digabung (Merge Cells) di Excel. Pisahkan selnya (Unmerge) dan isi setiap sel, lalu unggah lagi.`,
  };
}
