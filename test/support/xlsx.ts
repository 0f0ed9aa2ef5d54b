// Reading back what the exports write: the XML inside an .xlsx (a zip archive), to check at the source that
// no cell is a formula, whatever a reader library makes of it.
import { inflateRawSync } from "node:zlib";

const END_OF_CENTRAL_DIRECTORY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

/** The files of a zip archive by name: as much of the format as exceljs's writer uses (no zip64). */
export function unzip(archive: Uint8Array): Map<string, string> {
  const zip = Buffer.from(archive);
  const end = zip.lastIndexOf(END_OF_CENTRAL_DIRECTORY);
  if (end < 0) throw new Error("not a zip archive");
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, string>();
  for (let k = 0; k < entries; k++) {
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString("utf8", at + 46, at + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + compressedSize);
    files.set(name, (method === 8 ? inflateRawSync(data) : data).toString("utf8"));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

/** The worksheets' XML of an .xlsx, by path inside the archive. */
export function worksheetXml(archive: Uint8Array): Map<string, string> {
  return new Map([...unzip(archive)].filter(([name]) => /^xl\/worksheets\/[^/]+\.xml$/.test(name)));
}

/** Formula elements (<f>, <f …/>) in a worksheet's XML. */
export const formulaElements = (xml: string) => xml.match(/<f[\s>/]/g)?.length ?? 0;

/**
 * The date and date-time cells of a workbook (read by exceljs) whose column is too narrow to show them: LibreOffice
 * and Excel then print "###". A date "04/12/2026" needs 10 characters, a date-time "04/12/2026 05:18" 16, plus one
 * for the cell's padding. Returns "Sheet!B5 (width)" for each.
 */
export function datesTooNarrow(book: {
  worksheets: {
    name: string;
    getColumn(n: number): { width?: number };
    eachRow(
      f: (row: {
        eachCell(g: (cell: { value: unknown; numFmt?: string; address: string }, col: number) => void): void;
      }) => void,
    ): void;
  }[];
}): string[] {
  const needed: Record<string, number> = { "dd/mm/yyyy": 11, "dd/mm/yyyy hh:mm": 17 };
  const found: string[] = [];
  for (const sheet of book.worksheets) {
    sheet.eachRow((row) =>
      row.eachCell((cell, col) => {
        const want = needed[cell.numFmt ?? ""];
        const width = sheet.getColumn(col).width ?? 8.43; // a spreadsheet's default width
        if (want && cell.value instanceof Date && width < want) found.push(`${sheet.name}!${cell.address} (${width})`);
      }),
    );
  }
  return found;
}
