// How an import's valid rows reach its staging table, a chunk at a time. On PostgreSQL they stream in through
// `COPY … FROM STDIN` while the file is still being read, so the database stores one piece while the next is
// checked. COPY cannot skip a row whose key an earlier row already staged: the unique key refuses the chunk, the
// chunk's savepoint takes it back, and that chunk goes the other way. The other way, and PGlite's only one (it has
// no COPY from a stream): `insert … select from unnest(…) on conflict do nothing`, which leaves such a row out.
// Either way the staged rows, and the rows left out, are the same.
import type { Writable } from "node:stream";
import type { TransactionSql } from "postgres";
import type { ImportRow } from "../../../analytics/import-rules";
import type { Database } from "../db";
import { rowsOf } from "./rows";
import type { Target } from "./targets";

export type StagedRow = { row: number; value: ImportRow };

export type Stager = {
  add(row: StagedRow): void;
  /** Rows added since the last flush. */
  readonly size: number;
  /** Hands what was added so far to the database without waiting for it to be stored (PostgreSQL only). */
  send(): Promise<void>;
  /** Ends the chunk; returns its rows left out because an earlier row of the file has the same key. */
  flush(): Promise<StagedRow[]>;
  /** Gives up a chunk being copied (the import failed), so that the transaction can roll back. */
  abandon(): Promise<void>;
};

/** A stager for `tx`: COPY on PostgreSQL, unnest on PGlite. */
export function stager(tx: Database, target: Target): Stager {
  const client = postgresClient(tx);
  return client ? copyStager(tx, client, target) : unnestStager(tx, target);
}

/**
 * The postgres.js client under a Drizzle transaction, or null on PGlite. Drizzle keeps it on the transaction's
 * session (not in its public types); postgres.js's client is a function (a tagged template), PGlite's an object.
 */
function postgresClient(tx: Database): TransactionSql | null {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  return typeof client === "function" ? (client as TransactionSql) : null;
}

/** Stages `rows` with one statement; returns those left out as repeating a key staged before. */
async function stageByUnnest(tx: Database, target: Target, rows: StagedRow[]): Promise<StagedRow[]> {
  const kept = new Set(rowsOf<{ row_no: number }>(await tx.execute(target.stage(rows))).map((k) => k.row_no));
  return kept.size === rows.length ? [] : rows.filter((r) => !kept.has(r.row));
}

function unnestStager(tx: Database, target: Target): Stager {
  let pending: StagedRow[] = [];
  return {
    add: (row) => pending.push(row),
    get size() {
      return pending.length;
    },
    send: async () => {},
    flush: async () => {
      const rows = pending;
      pending = [];
      return rows.length === 0 ? [] : stageByUnnest(tx, target, rows);
    },
    abandon: async () => {},
  };
}

/** One chunk's COPY, inside a savepoint of its own that `end` closes. */
type Copy = {
  stream: Writable;
  /** Settles when the last piece written has reached the socket. */
  written: Promise<unknown>;
  /** Settles if the database refused the COPY while it was being written. */
  closed: Promise<unknown>;
  /** Lets the savepoint finish: it checks the COPY's outcome. */
  end: () => void;
  /** Resolves when the chunk is stored; rejects, the savepoint rolled back, when the COPY was refused. */
  stored: Promise<unknown>;
};

function copyStager(tx: Database, client: TransactionSql, target: Target): Stager {
  let pending: StagedRow[] = [];
  let text = ""; // lines added and not yet written to the COPY
  let copy: Copy | null = null;
  let opening: Promise<Copy> | null = null;
  let abandoned = false;

  // postgres.js counts any failed statement of a transaction as the transaction's failure, unless it runs in a
  // savepoint (sql.savepoint), which rolls back to it and lets the transaction go on.
  const open = () =>
    new Promise<Copy>((opened, failed) => {
      const stored = client.savepoint(async (sp) => {
        const stream = await sp.unsafe(target.copySql).writable();
        stream.on("error", () => {}); // a refusal is learnt from the statement after the COPY
        const closed = new Promise((resolve) => stream.once("close", resolve));
        const ended = new Promise<void>((end) => opened({ stream, written: Promise.resolve(), closed, end, stored }));
        await ended;
        // postgres.js 3.4.9 does not report a COPY refused once it has ended (porsager/postgres#1173): the
        // statement after it finds the transaction aborted, and fails the savepoint.
        await sp`select 1`;
      });
      stored.catch(failed); // before the COPY started; afterwards the flush awaits `stored`
    });

  const send = async () => {
    if (text === "" || abandoned) return;
    if (!copy) {
      opening ??= open();
      copy = await opening;
      opening = null;
    }
    const { stream, closed } = copy;
    const piece = text;
    text = "";
    if (stream.destroyed) return; // refused already: the flush finds out
    let ready = true;
    copy.written = new Promise((resolve) => {
      ready = stream.write(piece, resolve);
    });
    if (!ready) await Promise.race([new Promise((resolve) => stream.once("drain", resolve)), closed]);
  };

  return {
    add(row) {
      pending.push(row);
      text += copyLine(row.row, target.values(row.value));
    },
    get size() {
      return pending.length;
    },
    send,
    async flush() {
      const rows = pending;
      pending = [];
      if (rows.length === 0 || abandoned) return [];
      await send();
      const { stream, written, closed, end, stored } = copy as Copy;
      // With nothing left to write, end() sends CopyDone at once, so the savepoint's check follows the COPY.
      await Promise.race([written, closed]);
      if (!stream.destroyed) stream.end();
      copy = null;
      end();
      try {
        await stored;
        return [];
      } catch {
        // Refused (a key repeated, most likely) and rolled back: the unnest way stages the chunk leaving
        // repeated keys out, or fails with the real error.
        return stageByUnnest(tx, target, rows);
      }
    },
    async abandon() {
      abandoned = true;
      const open = copy ?? (await opening?.catch(() => null)) ?? null;
      // CopyFail ends the COPY with an error, so the rollback that follows is not kept waiting behind it. The
      // savepoint is left unfinished: the transaction's rollback ends it.
      open?.stream.destroy(new Error("impor dibatalkan"));
      copy = null;
    },
  };
}

const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_SPECIALS = /[\\\t\n\r]/g;
const COPY_ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** A value in COPY's text format: \N for null; a backslash, tab, line feed or carriage return escaped. */
function copyValue(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "number") return String(value);
  const text = String(value);
  // Most values have nothing to escape: one test, no replacement.
  return COPY_SPECIAL.test(text) ? text.replace(COPY_SPECIALS, (c) => COPY_ESCAPES[c] ?? c) : text;
}

/**
 * One row in COPY's text format: the row number, then the values, separated by tabs. So "" stays an empty
 * string, null is \N, and a text "\N" arrives as that text.
 */
export function copyLine(row: number, values: readonly unknown[]): string {
  let line = String(row);
  for (const value of values) line += `\t${copyValue(value)}`;
  return `${line}\n`;
}
