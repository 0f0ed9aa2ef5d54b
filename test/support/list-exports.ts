// Downloading a list export (/unduh/<list>.<xlsx|csv>) as a signed-in user's browser does, and reading the file
// back: the workbook with exceljs (its "Ringkasan" as label → value, its tables as header → value records), the
// CSV file as Indonesian Excel reads it (BOM, semicolons).
import { and, desc, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { beforeAll, expect } from "vitest";
import type { Database } from "../../app/.server/db";
import * as exportRoute from "../../app/routes/unduh.$berkas";
import { auditLog, staff, teams, users } from "../../db/schema";
import { DEMO_PASSWORD } from "../../fixtures/demo";
import { BASE_URL, sessionCookie } from "./routes";

export async function downloadList(cookie: string, file: string, query = ""): Promise<Response> {
  try {
    return (await exportRoute.loader({
      request: new Request(`${BASE_URL}/unduh/${file}${query ? `?${query}` : ""}`, { headers: { cookie } }),
      params: { berkas: file },
      context: { remoteAddress: "10.0.0.9" },
    })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

export type ReadTable = { headers: string[]; rows: Record<string, unknown>[] };
export type ReadWorkbook = { summary: Map<string, unknown>; sheets: Map<string, ReadTable>; book: ExcelJS.Workbook };

const plain = (value: unknown) =>
  value && typeof value === "object" && "richText" in value
    ? (value as { richText: { text: string }[] }).richText.map((t) => t.text).join("")
    : value;

export async function readWorkbook(bytes: ArrayBuffer): Promise<ReadWorkbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes);
  const [first, ...rest] = book.worksheets;
  if (!first) throw new Error("no sheet");
  const summary = new Map<string, unknown>();
  first.eachRow((row, n) => {
    if (n > 1) summary.set(String(row.getCell(1).value), plain(row.getCell(2).value));
  });
  summary.set("$title", first.getCell(1, 1).value);
  const sheets = new Map<string, ReadTable>();
  for (const sheet of rest) {
    const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const rows: Record<string, unknown>[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      rows.push(Object.fromEntries(headers.map((h, i) => [h, plain(row.getCell(i + 1).value) ?? null])));
    });
    sheets.set(sheet.name, { headers, rows });
  }
  return { summary, sheets, book };
}

/** The CSV file's bytes as Excel reads them (Response.text() would drop the byte-order mark unseen). */
export function readCsv(bytes: ArrayBuffer): ReadTable {
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  if (!text.startsWith("\uFEFF")) throw new Error("the CSV file has no byte-order mark");
  const parsed = Papa.parse<string[]>(text.slice(1), { delimiter: ";", skipEmptyLines: true });
  const [headers = [], ...data] = parsed.data;
  return { headers, rows: data.map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i] ?? ""]))) };
}

/** NIPs in a column, digits only (a CSV file groups them as printed). */
export const nipsOf = (t: ReadTable, column: string) =>
  new Set(t.rows.map((r) => String(r[column] ?? "").replace(/\D/g, "")).filter(Boolean));

/** The NIPs of a demo user's team (a supervisor's reach) and of everyone else. */
export async function teamNips(db: Database, username: string) {
  const [me] = await db
    .select({ teamId: staff.teamId, nip: staff.nip })
    .from(users)
    .innerJoin(staff, eq(staff.id, users.staffId))
    .where(eq(users.username, username));
  if (!me) throw new Error(`${username} has no staff record`);
  const everyone = await db
    .select({ nip: staff.nip, teamId: staff.teamId })
    .from(staff)
    .innerJoin(teams, eq(teams.id, staff.teamId));
  return {
    own: me.nip,
    team: new Set(everyone.filter((s) => s.teamId === me.teamId).map((s) => s.nip)),
    others: new Set(everyone.filter((s) => s.teamId !== me.teamId).map((s) => s.nip)),
  };
}

/**
 * The demo roles signed in before a file's tests (their password is DEMO_PASSWORD), and downloads as each: the
 * session cookie, a list's workbook read back (an error with the server's answer when it is not 200), its CSV.
 */
export function signedInAs(roles: readonly string[]) {
  const cookies = new Map<string, string>();
  beforeAll(async () => {
    for (const who of roles) cookies.set(who, await sessionCookie(who, DEMO_PASSWORD));
  });
  const cookie = (who: string) => cookies.get(who) ?? "";
  return {
    cookie,
    async workbook(who: string, file: string, query = "") {
      const response = await downloadList(cookie(who), file, query);
      if (response.status !== 200) throw new Error(`${file}?${query}: ${response.status} ${await response.text()}`);
      return { response, ...(await readWorkbook(await response.arrayBuffer())) };
    },
    async csv(who: string, file: string, query = "") {
      const response = await downloadList(cookie(who), file, query);
      if (response.status !== 200) throw new Error(`${file}?${query}: ${response.status} ${await response.text()}`);
      return readCsv(await response.arrayBuffer());
    },
  };
}

/** A workbook's sheet by name; failing with the names there are. */
export const sheet = (sheets: Map<string, ReadTable>, name: string): ReadTable => {
  const found = sheets.get(name);
  if (!found) throw new Error(`no sheet "${name}" among ${[...sheets.keys()].join(", ")}`);
  return found;
};

/** Reading the audit entries of downloads, in the file's database. */
export function auditReader(db: () => Database) {
  /** `who`'s latest audit entry for a download ("staf.xlsx"), once the file has been written and recorded. */
  async function audited(entityId: string, who: string) {
    const entries = () =>
      db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, "export"), eq(auditLog.entityId, entityId), eq(auditLog.actorLabel, who)))
        .orderBy(desc(auditLog.id));
    await expect.poll(async () => (await entries()).length).toBeGreaterThan(0);
    return (await entries())[0];
  }
  /** Waits until `who`'s latest audit entry for the download holds `expected` (it is written once the file is). */
  function expectAudited(entityId: string, who: string, expected: Record<string, unknown>) {
    return expect.poll(async () => (await audited(entityId, who))?.after).toMatchObject(expected);
  }
  return { audited, expectAudited };
}
