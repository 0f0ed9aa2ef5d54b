// Reading a backup file without a database: its header, its tables and its checksum, one line in memory at a time.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import {
  BACKUP_FORMAT,
  type BackupHeader,
  BackupRefusedError,
  END_PREFIX,
  FIRST_LINE,
  MAX_FIRST_LINE_BYTES,
  MAX_LINE_BYTES,
  type Migration,
  type TableName,
} from "./format";

type Line = { text: string; bytes: Buffer; terminated: boolean };

/** The file's lines (split on \n), with their bytes for the checksum; never more than one line in memory. */
export async function* fileLines(file: string): AsyncGenerator<Line> {
  const stream = createReadStream(file, { highWaterMark: 1 << 20 });
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let index = 0;
  const take = (bytes: Buffer, terminated: boolean): Line => {
    index++;
    return { text: bytes.toString("utf8"), bytes, terminated };
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let start = 0;
      for (let end = chunk.indexOf(10, start); end !== -1; end = chunk.indexOf(10, start)) {
        const piece = chunk.subarray(start, end);
        yield take(pending.length ? Buffer.concat([...pending, piece]) : piece, true);
        pending = [];
        pendingBytes = 0;
        start = end + 1;
      }
      if (start < chunk.length) {
        pending.push(chunk.subarray(start));
        pendingBytes += chunk.length - start;
        if (pendingBytes > (index === 0 ? MAX_FIRST_LINE_BYTES : MAX_LINE_BYTES)) {
          throw index === 0 ? notABackup() : damaged(`baris ${index + 1} terlalu panjang`);
        }
      }
    }
    if (pending.length) yield take(Buffer.concat(pending), false);
  } finally {
    stream.destroy();
  }
}

const notABackup = () =>
  new BackupRefusedError(`Berkas ini bukan cadangan Mutu: baris pertamanya harus "${FIRST_LINE}".`);
export const damaged = (why: string) =>
  new BackupRefusedError(`Berkas cadangan rusak (${why}). Tidak ada yang dipulihkan; pakai cadangan yang lain.`);

export function parseQualified(quoted: string): TableName {
  const [, schema = "", name = ""] = /^"((?:[^"]|"")+)"\."((?:[^"]|"")+)"$/.exec(quoted) ?? [];
  return { schema: schema.replaceAll('""', '"'), name: name.replaceAll('""', '"') };
}

const truncated = () =>
  new BackupRefusedError(
    `Berkas cadangan tidak lengkap (terpotong?): baris penutup "${END_PREFIX.trim()} …" tidak ada. Tidak ada yang dipulihkan.`,
  );

export const TABLE_LINE = /^-- table ("(?:[^"]|"")+"\."(?:[^"]|"")+"): (\d+) rows?$/;
const SETVAL_LINE = /^SELECT pg_catalog\.setval\('(?:[^']|'')+', -?[0-9]+, (?:true|false)\);$/;
const END_LINE = /^-- end of Mutu backup: (\d+) tables, (\d+) rows, sha256 ([0-9a-f]{64})$/;
const HEADER_LINE = /^-- ([a-z-]+): (.*)$/;

export type BackupContents = {
  header: BackupHeader;
  /** Each table's quoted name and the rows the file declares for it, in file order. */
  tables: { name: string; rows: number }[];
  rows: number;
  sha256: string;
};

/**
 * Reads the whole file once without touching any database: the header, every line's shape, the row counts
 * and the checksum in the last line. Refuses (BackupRefusedError) anything that is not a complete, unaltered
 * Mutu backup, such as another file, a file cut short or one changed after it was written.
 */
export async function inspectBackup(file: string): Promise<BackupContents> {
  const hash = createHash("sha256");
  const header: Partial<BackupHeader> & { migrations: Migration[]; tables?: number } = { migrations: [] };
  const tables: { name: string; rows: number }[] = [];
  let phase: "first" | "header" | "body" | "end" = "first";
  let end: RegExpExecArray | null = null;
  let lineNo = 0;
  for await (const line of fileLines(file)) {
    lineNo++;
    if (phase === "end") {
      if (line.text !== "" || line.terminated) throw damaged(`ada isi sesudah baris penutup, baris ${lineNo}`);
      continue;
    }
    const text = line.text;
    if (phase !== "first" && !line.terminated) throw truncated();
    if (text.startsWith(END_PREFIX)) {
      end = END_LINE.exec(text);
      if (!end) throw damaged(`baris penutup ${lineNo} tidak utuh`);
      phase = "end";
      continue;
    }
    hash.update(line.bytes);
    hash.update("\n");
    if (phase === "first") {
      if (text === FIRST_LINE) {
        if (!line.terminated) throw truncated();
        phase = "header";
        continue;
      }
      const format = /^-- Mutu backup, format (\S+)$/.exec(text)?.[1];
      if (format) {
        throw new BackupRefusedError(
          `Cadangan ini berformat ${format}; versi Mutu ini hanya membaca format ${BACKUP_FORMAT}. Pulihkan dengan versi Mutu yang membuatnya.`,
        );
      }
      throw notABackup();
    }
    if (phase === "header") {
      if (text === "") {
        phase = "body";
        continue;
      }
      const field = HEADER_LINE.exec(text);
      if (!field) {
        if (text.startsWith("-- ")) continue;
        throw damaged(`baris ${lineNo} di bagian kepala tidak dikenal`);
      }
      const [, key, value = ""] = field;
      if (key === "mutu-version") header.mutuVersion = value;
      else if (key === "created-at") header.createdAt = value;
      else if (key === "source") header.source = value;
      else if (key === "tables") header.tables = Number(value);
      else if (key === "migration") {
        const [createdAt = "", hash = "", tag = "?"] = value.split(" ");
        if (!/^[0-9]+$/.test(createdAt) || !/^[0-9a-f]{64}$/.test(hash)) throw damaged(`baris ${lineNo}`);
        header.migrations.push({ createdAt, hash, tag });
      }
      continue;
    }
    // The body.
    if (text === "") continue;
    const table = TABLE_LINE.exec(text);
    if (table) {
      tables.push({ name: table[1] ?? "", rows: Number(table[2]) });
      continue;
    }
    const current = tables.at(-1);
    if (current && text.startsWith(`INSERT INTO ${current.name} (`) && text.endsWith(");")) continue;
    if (SETVAL_LINE.test(text)) continue;
    throw damaged(`baris ${lineNo} bukan bagian dari cadangan Mutu`);
  }

  if (phase === "first") throw notABackup();
  if (!end) throw truncated();
  const digest = hash.digest("hex");
  if (digest !== end[3]) throw damaged("isinya tidak cocok dengan checksum di baris penutup");
  const rows = tables.reduce((sum, t) => sum + t.rows, 0);
  const { mutuVersion, createdAt, source } = header;
  if (
    !mutuVersion ||
    !createdAt ||
    !source ||
    header.migrations.length === 0 ||
    header.tables !== tables.length ||
    Number(end[1]) !== tables.length ||
    Number(end[2]) !== rows
  ) {
    throw damaged("bagian kepala atau jumlah baris tidak lengkap");
  }
  return { header: { mutuVersion, createdAt, source, migrations: header.migrations }, tables, rows, sha256: digest };
}
