// `npm run mutu -- …` as a user runs it: a real process, real exit codes, a real database
// (a fresh PostgreSQL database when DATABASE_URL is set, otherwise a fresh PGlite directory).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../../app/.server/passwords";
import type { DatabaseHandle } from "../../db/client";
import { staff, users } from "../../db/schema";
import { runMutu } from "../support/cli";
import { type ProcessDatabase, processDatabase } from "../support/db";
import { typedWorkbook } from "../support/workbooks";

let database: ProcessDatabase;
beforeAll(async () => {
  database = await processDatabase();
});
afterAll(() => database.remove());

const mutu = (args: string[], input = "") => runMutu(args, { env: database.env, input });

async function withDatabase<T>(run: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await database.open();
  try {
    return await run(handle);
  } finally {
    await handle.close();
  }
}

describe("mutu command line", () => {
  it("without a command, or with an unknown one, prints the usage and exits 2", async () => {
    for (const args of [[], ["frobnicate"], ["db"]]) {
      const r = await mutu(args);
      expect(r.code).toBe(2);
      expect(r.err).toContain("Pemakaian: npm run mutu -- <perintah>");
    }
  });

  it("user add with an unknown role or a missing username exits 2 and says why", async () => {
    const r = await mutu(["user", "add", "--username", "x", "--role", "raja"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("Peran tidak dikenal: raja");
    expect((await mutu(["user", "add", "--role", "admin"])).err).toContain("--username wajib diisi");
    expect((await mutu(["user", "add", "--username", "x", "--role", "admin", "--bogus"])).code).toBe(2);
  });

  // Before the demo is loaded, so the counts do not depend on the demo's weeks of interval statistics.
  it("import intervals --json prints the one report object; --commit saves a batch; a file with mistakes exits 1", async () => {
    const preview = await mutu(["import", "intervals", "fixtures/samples/interval-contoh.csv", "--json"]);
    expect(preview.err).toBe("");
    expect(preview.code).toBe(0);
    const report = JSON.parse(preview.out);
    expect(Object.keys(report)).toEqual([
      "kind",
      "rows",
      "valid",
      "new",
      "updated",
      "unchanged",
      "committed",
      "batchId",
      "errors",
      "warnings",
    ]);
    expect(report).toMatchObject({ kind: "intervals", rows: 480, valid: 480, new: 480, committed: false });
    expect(report).toMatchObject({ batchId: null, errors: [], warnings: [] });

    const bad = await mutu(["import", "intervals", "fixtures/samples/interval-dengan-kesalahan.csv", "--json"]);
    expect(bad.code).toBe(1);
    const badReport = JSON.parse(bad.out);
    expect(badReport.errors.map((e: { row: number }) => e.row)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(badReport.errors[0]).toEqual({
      row: 3,
      column: "Jam",
      message:
        "Jam 07:10 bukan awal interval 30 menit. Isi jam awal intervalnya (misalnya 07:00 atau 07:30); panjang interval diatur di Pengaturan.",
    });
    expect(badReport.warnings).toHaveLength(1);

    // Dated long before the demo's weeks, so that loading the demo afterwards does not meet these rows.
    const file = path.join(mkdtempSync(path.join(tmpdir(), "mutu-interval-")), "interval.csv");
    writeFileSync(
      file,
      "tanggal;jam;kanal;panggilan_masuk;panggilan_dijawab;panggilan_abandon;aht_detik\r\n06/01/2020;09:00;telepon;12;11;1;260\r\n",
    );
    const saved = JSON.parse((await mutu(["import", "intervals", file, "--commit", "--json"])).out);
    expect(saved).toMatchObject({ kind: "intervals", new: 1, committed: true, batchId: expect.any(Number) });
    const again = await mutu(["import", "intervals", file, "--commit", "--json"]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toMatchObject({ new: 0, unchanged: 1, committed: true, batchId: null });
    rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it("db migrate, then db seed --demo loads the demo once; the second time exits 1 and changes nothing", async () => {
    expect((await mutu(["db", "migrate"])).code).toBe(0);
    const seeded = await mutu(["db", "seed", "--demo"]);
    expect(seeded.code).toBe(0);
    expect(seeded.out).toMatch(/Data demo dimuat: 40 staf, 14 pengguna, \d+ evaluasi\./);
    expect(seeded.out).toContain("mutu-demo-2026");
    const again = await mutu(["db", "seed", "--demo"]);
    expect(again.code).toBe(1);
    expect(again.err).toContain("sudah berisi staf atau pengguna");
    expect(await withDatabase(async ({ db }) => (await db.select().from(users)).length)).toBe(14);
  });

  it("import staff: the sample CSV commits; the same rows saved as .xlsx then change nothing; the mistakes sample exits 1 at each row and column, writing nothing", async () => {
    const xlsx = path.join(mkdtempSync(path.join(tmpdir(), "mutu-staf-")), "Data Staf.xlsx");
    writeFileSync(xlsx, await typedWorkbook(readFileSync("fixtures/samples/staf-contoh.csv", "utf8")));
    const csv = await mutu(["import", "staff", "fixtures/samples/staf-contoh.csv", "--commit", "--json"]);
    expect(csv.err).toBe("");
    expect(JSON.parse(csv.out)).toMatchObject({ rows: 41, new: 2, updated: 3, unchanged: 36, committed: true });
    const sameAsXlsx = await mutu(["import", "staff", xlsx, "--commit", "--json"]);
    expect(JSON.parse(sameAsXlsx.out)).toMatchObject({ rows: 41, new: 0, updated: 0, unchanged: 41, errors: [] });
    const people = await withDatabase((h) => h.db.select({ nip: staff.nip, version: staff.version }).from(staff));
    const mistakes = await mutu([
      "import",
      "staff",
      "fixtures/samples/staf-dengan-kesalahan.csv",
      "--commit",
      "--json",
    ]);
    expect(mistakes.code).toBe(1);
    const report = JSON.parse(mistakes.out);
    expect(report.committed).toBe(false);
    expect(report.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [3, "NIP"],
      [4, "NIP"],
      [5, "Golongan"],
      [6, "Jabatan"],
      [7, "Tim"],
      [8, "TMT"],
      [9, "Aktif"],
      [10, "Nama"],
      [11, "NIP"],
      [12, "Aktif"],
      [13, "TMT"],
    ]);
    expect(await withDatabase((h) => h.db.select({ nip: staff.nip, version: staff.version }).from(staff))).toEqual(
      people,
    );
    rmSync(path.dirname(xlsx), { recursive: true, force: true });
  });

  it("user add reads the password from stdin and links the account to the staff member with that NIP", async () => {
    const nip = await withDatabase(async ({ db }) => {
      const rows = await db
        .select({ nip: staff.nip })
        .from(staff)
        .leftJoin(users, eq(users.staffId, staff.id))
        .where(isNull(users.id));
      return rows.at(-1)?.nip ?? "";
    });
    const spaced = `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;
    const r = await mutu(
      ["user", "add", "--username", "Rina.K", "--role", "penilai", "--role", "hr", "--staff", spaced],
      "rahasia-rina-2026\n",
    );
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Pengguna rina\.k dibuat/);
    const created = await withDatabase(async ({ db }) => {
      const [u] = await db.select().from(users).where(eq(users.username, "rina.k"));
      return u;
    });
    expect(created?.roles).toEqual(["penilai", "hr"]);
    expect(created?.mustChangePassword).toBe(false);
    expect(await verifyPassword(created?.passwordHash ?? null, "rahasia-rina-2026")).toBe(true);
  });

  it("user add refuses an invalid NIP, a taken username and a weak password with exit 1", async () => {
    const badNip = await mutu(
      ["user", "add", "--username", "a.b", "--role", "hr", "--staff", "1.98E+17"],
      "cukup-panjang-99\n",
    );
    expect(badNip.code).toBe(1);
    expect(badNip.err).toContain("Excel");
    const taken = await mutu(["user", "add", "--username", "admin", "--role", "hr"], "cukup-panjang-99\n");
    expect(taken.code).toBe(1);
    expect(taken.err).toContain("sudah dipakai");
    const weak = await mutu(["user", "add", "--username", "c.d", "--role", "hr"], "pendek\n");
    expect(weak.code).toBe(1);
    expect(weak.err).toContain("minimal 10 karakter");
    const common = await mutu(["user", "add", "--username", "e.f", "--role", "hr"], "Bismillah2026!\n");
    expect(common.code).toBe(1);
    expect(common.err).toContain("paling sering dipakai");
  });
  it("export <list> writes the page's list for the whole center, .xlsx or .csv by the file's extension", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mutu-export-"));
    const [agent] = await withDatabase((h) =>
      h.db
        .select({ nip: staff.nip })
        .from(users)
        .innerJoin(staff, eq(staff.id, users.staffId))
        .where(eq(users.username, "petugas")),
    );
    const csv = path.join(dir, "staf.csv");
    const staffList = await mutu(["export", "staf", "--status", "semua", "--out", csv]);
    expect(staffList.code, staffList.err).toBe(0);
    expect(staffList.out).toMatch(/^Direktori staf ditulis ke .*staf\.csv \(\d+ baris\)\.$/m);
    expect(readFileSync(csv, "utf8").startsWith("\uFEFFNIP;Nama;")).toBe(true);
    const rapor = path.join(dir, "rapor.xlsx");
    const report = await mutu(["export", "rapor", "--nip", agent?.nip ?? "", "--out", rapor]);
    expect(report.code, report.err).toBe(0);
    expect(readFileSync(rapor).subarray(0, 2).toString()).toBe("PK");
    const badDate = await mutu(["export", "audit", "--dari", "31-13-2026", "--out", path.join(dir, "a.xlsx")]);
    expect(badDate.code).toBe(1);
    expect(badDate.err).toContain("Dari tanggal");
    expect((await mutu(["export", "rapor", "--out", path.join(dir, "r.csv")])).code).toBe(2);
    rmSync(dir, { recursive: true, force: true });
  });
}, 180_000);
