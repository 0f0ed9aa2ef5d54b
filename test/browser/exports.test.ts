// Every export each demo role's pages offer, downloaded in Chromium as that person would (issue 13): each file
// arrives, opens in LibreOffice Calc without repair and reads there as exceljs reads it, cell by cell; a CSV file
// is Indonesian Excel's (BOM, semicolons) with the columns of its workbook; a supervisor's files hold their
// team's NIPs only and an agent's their own.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signInByRequest, testServer } from "../support/browser";
import { differences, openInCalc } from "../support/libreoffice";

const { baseUrl } = testServer();
const folder = mkdtempSync(path.join(tmpdir(), "mutu-exports-"));

// Every page with a list; a role that may not open one simply finds no downloads there.
const PAGES = [
  "/kpi",
  "/evaluasi?periode=semua",
  "/cakupan",
  "/kalibrasi",
  "/kelayakan",
  "/sertifikat",
  "/pelatihan",
  "/pelatihan/penyegaran",
  "/staf",
  "/tenaga-kerja/jadwal",
  "/admin/audit",
  "/profil",
];
const ROLES = ["kasi", "koordinator", "penilai", "supervisor", "ketua", "penjadwal", "petugas", "hr", "admin"] as const;
type Role = (typeof ROLES)[number];

type Downloaded = { role: Role; page: string; file: string; name: string };
const downloaded: Downloaded[] = [];

// What the server's HTML holds where a page offers a download (the links and form clicked below).
const OFFERS_DOWNLOAD = /(href|action)="\/(unduh\/|kpi\/unduh)/;

/** Clicks every download on the page (links to /unduh/ and /kpi/unduh, and the report's form). */
async function downloadAll(page: Page, role: Role, where: string) {
  // Chromium opens only the pages the role may see that offer something to download: the server's answer says so.
  const html = await page.context().request.get(`${baseUrl}${where}`);
  if (html.status() !== 200 || !OFFERS_DOWNLOAD.test(await html.text())) return;
  const response = await page.goto(`${baseUrl}${where}`);
  if (response?.status() !== 200) return;
  const links = page.locator(
    'a[href^="/unduh/"], a[href^="/kpi/unduh"], form[action^="/unduh/"] button[type="submit"]',
  );
  for (let i = 0; i < (await links.count()); i++) {
    const [download] = await Promise.all([page.waitForEvent("download"), links.nth(i).click()]);
    const name = download.suggestedFilename();
    // LibreOffice names its output after the file: the role's name in front keeps two roles' files apart.
    const file = path.join(folder, `${role}__${name}`);
    await download.saveAs(file);
    downloaded.push({ role, page: where, file, name });
  }
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  for (const role of ROLES) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await signInByRequest(page, baseUrl, role, undefined, { openHome: false });
    for (const where of PAGES) await downloadAll(page, role, where);
    await context.close();
  }
}, 300_000);
afterAll(() => browser?.close());

const of = (role: Role) => downloaded.filter((d) => d.role === role);
const names = (role: Role) => of(role).map((d) => d.name);

async function workbook(file: string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book;
}

/** Every 18-digit NIP in a workbook (text cells) or a CSV file (grouped as printed). */
async function nipsIn(file: string): Promise<Set<string>> {
  const found = new Set<string>();
  const texts: string[] = [];
  if (file.endsWith(".csv"))
    texts.push(readFileSync(file, "utf8").replace(/(\d{8}) (\d{6}) (\d) (\d{3})/g, "$1$2$3$4"));
  else (await workbook(file)).eachSheet((s) => s.eachRow((r) => r.eachCell((c) => texts.push(String(c.value)))));
  for (const text of texts) for (const m of text.matchAll(/(?<!\d)\d{18}(?!\d)/g)) found.add(m[0]);
  return found;
}

describe("what each role can take away", () => {
  it("every role whose pages have lists gets files, named for what they hold", () => {
    expect(names("kasi")).toEqual(expect.arrayContaining([expect.stringMatching(/^KPI_\d{4}-\d{2}_.*\.xlsx$/)]));
    expect(names("supervisor")).toEqual(
      expect.arrayContaining([expect.stringMatching(/^KPI_\d{4}-\d{2}_Tim-[A-Za-z-]+\.xlsx$/)]),
    );
    // A Ketua Tim's KPI workbook is their group's, named after the team and the group.
    expect(names("ketua")).toEqual(
      expect.arrayContaining([expect.stringMatching(/^KPI_\d{4}-\d{2}_Tim-[A-Za-z-]+_Regu-1\.xlsx$/)]),
    );
    expect(of("penjadwal").map((d) => d.page)).toContain("/tenaga-kerja/jadwal");
    expect(names("petugas")).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Rapor_\d{18}_\d{4}-\d{2}_\d{4}-\d{2}\.xlsx$/)]),
    );
    // HR: training records and eligibility as workbooks; an assessor: the evaluations.
    expect(of("hr").map((d) => d.page)).toEqual(
      expect.arrayContaining(["/kelayakan", "/pelatihan", "/pelatihan/penyegaran"]),
    );
    expect(of("koordinator").some((d) => d.name.startsWith("Penyegaran_"))).toBe(true);
    expect(names("hr").filter((n) => n.endsWith(".xlsx")).length).toBeGreaterThanOrEqual(2);
    expect(of("penilai").some((d) => d.page.startsWith("/evaluasi") && d.name.endsWith(".xlsx"))).toBe(true);
    expect(of("admin").some((d) => d.page === "/admin/audit")).toBe(true);
  });

  it("every workbook opens in LibreOffice Calc and reads there as in exceljs, cell by cell", async () => {
    const files = downloaded.filter((d) => d.name.endsWith(".xlsx"));
    expect(files.length).toBeGreaterThan(15);
    // One LibreOffice for all of them.
    const calc = await openInCalc(files.map((d) => d.file));
    for (const d of files) {
      const book = await workbook(d.file);
      expect(book.worksheets[0]?.name, d.file).toBe("Ringkasan");
      expect(differences(book, calc.get(d.file) ?? new Map()).slice(0, 5), `${d.role} ${d.name}`).toEqual([]);
    }
  });

  it("every CSV file is Indonesian Excel's, with the columns of the same list's workbook", async () => {
    const csvs = downloaded.filter((d) => d.name.endsWith(".csv"));
    expect(csvs.length).toBeGreaterThan(5);
    for (const d of csvs) {
      const bytes = readFileSync(d.file);
      expect(bytes.subarray(0, 3).toString("hex"), d.file).toBe("efbbbf");
      const [header = []] = Papa.parse<string[]>(bytes.toString("utf8").slice(1), { delimiter: ";" }).data;
      const twin = downloaded.find((x) => x.role === d.role && x.page === d.page && x.name.endsWith(".xlsx"));
      if (!twin || d.name.startsWith("KPI_")) continue; // the KPI CSV is the workbook's "KPI Petugas" sheet
      const sheet = (await workbook(twin.file)).worksheets[1];
      expect(header, d.name).toEqual(((sheet?.getRow(1).values ?? []) as unknown[]).slice(1));
    }
  });

  it("a supervisor's files name their team's people only, a Ketua Tim's their group's, the scheduler's no one's; an agent's their own NIP only", async () => {
    const reach = async (role: Role) => {
      const staff = of(role).find((d) => d.page === "/staf" && d.name.endsWith(".xlsx"));
      expect(staff, role).toBeDefined();
      return nipsIn(staff?.file ?? "");
    };
    const team = await reach("supervisor");
    const group = await reach("ketua");
    expect(team.size).toBeGreaterThan(3);
    expect(group.size).toBeGreaterThan(3);
    expect(group.size).toBeLessThan(team.size);
    for (const nip of group) expect(team.has(nip), nip).toBe(true);
    for (const [role, reached] of [
      ["supervisor", team],
      ["ketua", group],
    ] as const) {
      for (const d of of(role)) {
        for (const nip of await nipsIn(d.file)) expect(reached.has(nip), `${role} ${d.name}: ${nip}`).toBe(true);
      }
    }
    for (const d of of("penjadwal")) expect((await nipsIn(d.file)).size, d.name).toBe(0);
    const rapor = of("petugas").find((d) => d.name.startsWith("Rapor_"));
    const own = /^Rapor_(\d{18})_/.exec(rapor?.name ?? "")?.[1];
    expect(own).toBeDefined();
    for (const d of of("petugas")) {
      for (const nip of await nipsIn(d.file)) expect(nip, d.name).toBe(own);
    }
  });
});
