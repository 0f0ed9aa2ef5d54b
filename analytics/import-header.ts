// Pure: the header row of an imported CSV file — which delimiter it uses, how its cells map to the columns of
// the kind of file (import-columns.ts), and how a row's column is named in a message.
import { COLUMNS } from "./import-columns";
import type { ImportKind } from "./import-rules";

/** Header cells compare without case, surrounding spaces, or the difference between space, - and _. */
export function normalizeHeader(cell: string): string {
  return cell
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

export type HeaderMap = { columns: Map<string, number>; ignored: string[] };

/** Maps a header row to column keys; a duplicate or a missing required column is an error for the whole file. */
export function mapHeader(
  kind: ImportKind,
  header: readonly string[],
): { ok: true; value: HeaderMap } | { ok: false; errors: string[] } {
  const specs = COLUMNS[kind];
  const columns = new Map<string, number>();
  const seen = new Map<string, number>();
  const errors: string[] = [];
  const ignored: string[] = [];
  header.forEach((raw, index) => {
    const name = normalizeHeader(raw);
    if (name === "") return;
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      errors.push(
        `Kolom "${raw.trim()}" muncul dua kali (kolom ${earlier + 1} dan ${index + 1}). Hapus salah satunya.`,
      );
      return;
    }
    seen.set(name, index);
    const spec = specs.find((s) => s.names.includes(name));
    if (!spec) {
      ignored.push(raw.trim());
      return;
    }
    const other = columns.get(spec.key);
    if (other !== undefined) {
      errors.push(
        `Kolom "${header[other]?.trim()}" dan "${raw.trim()}" berarti sama (${spec.names.join(" / ")}). Pakai salah satu saja.`,
      );
      return;
    }
    columns.set(spec.key, index);
  });
  for (const spec of specs.filter((s) => s.required)) {
    if (!columns.has(spec.key)) errors.push(`Kolom wajib tidak ada: ${spec.names.join(" atau ")}.`);
  }
  if (kind === "calls") {
    const hours = columns.has("loginHours");
    const seconds = columns.has("loginSeconds");
    if (!hours && !seconds) errors.push("Kolom wajib tidak ada: jam_login atau detik_login (salah satu).");
    if (hours && seconds) errors.push("Isi waktu login dengan salah satu kolom saja: jam_login atau detik_login.");
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { columns, ignored } };
}

/**
 * A row with more filled cells than the header has columns: its values would land in the wrong columns
 * (a stray separator, a decimal comma in a comma-separated file). Empty trailing cells are harmless.
 */
export function extraCellsProblem(cells: readonly string[], headerRow: readonly string[]): string | null {
  const extra = cells.slice(headerRow.length).filter((c) => c.trim() !== "");
  if (extra.length === 0) return null;
  return `Baris ini berisi ${cells.length} sel, lebih banyak dari ${headerRow.length} kolom di baris judul (kelebihan: "${extra[0]}"). Periksa pemisah kolom atau koma desimal di dalam sel tanpa tanda kutip.`;
}

/** The column as the file names it (its own header text), or the canonical name when the file lacks it. */
export function columnName(kind: ImportKind, key: string, header: HeaderMap, headerRow: readonly string[]): string {
  const index = header.columns.get(key);
  const spec = COLUMNS[kind].find((s) => s.key === key);
  return index !== undefined ? (headerRow[index]?.trim() ?? key) : (spec?.names[0] ?? key);
}

/** Which delimiter a header line uses: the most frequent of comma, semicolon and tab outside quotes. */
export function detectDelimiter(headerLine: string): "," | ";" | "\t" {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "," || ch === ";" || ch === "\t")) counts[ch] += 1;
  }
  if (counts[";"] > counts[","] && counts[";"] >= counts["\t"]) return ";";
  if (counts["\t"] > counts[","] && counts["\t"] > counts[";"]) return "\t";
  return ",";
}
