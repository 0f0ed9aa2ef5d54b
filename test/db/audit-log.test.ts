// The audit log as the administrator reads it, through the page's loader: real actions of real users, told in
// Indonesian with names and WIB times, filtered by kind of record, by user and by WIB date range.
// And the import history, which names who imported.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { periodOf, shiftPeriod } from "../../analytics/period";
import { recordAudit } from "../../app/.server/audit";
import { undoBatch } from "../../app/.server/imports/batches";
import { runImport } from "../../app/.server/imports/engine";
import { approvePeriod } from "../../app/.server/periods";
import { getSettings, updateSettings } from "../../app/.server/settings";
import * as auditRoute from "../../app/routes/admin.audit";
import * as importPage from "../../app/routes/impor._index";
import { auditLog, users } from "../../db/schema";
import { DEMO_PASSWORD } from "../../fixtures/demo";
import { seedCatalogue } from "../support/certification";
import { demoDatabaseForThisFile } from "../support/db";
import { callRoute, sessionCookie, signIn } from "../support/routes";

const getHandle = demoDatabaseForThisFile("staff", async (handle) => {
  await seedCatalogue(handle.db);
});
const db = () => getHandle().db;

type Page = Awaited<ReturnType<typeof auditRoute.loader>>;
type Row = Page["rows"][number];

let admin = "";
const ids: Record<string, number> = {};
const period = shiftPeriod(periodOf(new Date()).id, -1);

async function actor(username: string) {
  const [u] = await db().select().from(users).where(eq(users.username, username));
  if (!u) throw new Error(`no user ${username}`);
  ids[username] = u.id;
  return { id: u.id, username };
}

beforeAll(async () => {
  admin = await sessionCookie("admin", DEMO_PASSWORD);
  await signIn("admin", "bukan-kata-sandinya");
  await signIn("orang-asing", "bukan-kata-sandinya");
  const petugas = await sessionCookie("petugas", DEMO_PASSWORD);
  expect((await callRoute(auditRoute, "/admin/audit", { cookie: petugas })).status).toBe(403);

  await updateSettings(db(), await actor("admin"), { ...(await getSettings(db())), "kpi.threshold": 62 });
  const hr = await actor("hr");
  const report = await runImport(db(), {
    kind: "training",
    fileName: "pelatihan-contoh.csv",
    source: { path: "fixtures/samples/pelatihan-contoh.csv" },
    commit: true,
    validOnly: false,
    actor: hr,
  });
  expect(report.committed).toBe(true);
  await undoBatch(db(), hr, report.batchId ?? 0);
  await approvePeriod(db(), await actor("kasi"), period.id);
  await actor("petugas");
});

async function auditPage(query = ""): Promise<{ status: number; data: Page }> {
  const result = await callRoute(auditRoute, `/admin/audit${query}`, { cookie: admin });
  return { status: result.status, data: result.data as Page };
}

const text = (r: Row) =>
  [r.at, r.actor, r.action, r.record, ...r.details.map((d) => `${d.label}: ${d.value}`)].join(" | ");

describe("the log reads as Indonesian", () => {
  it("no row shows JSON, an ISO date or time, a code or a table name", async () => {
    const { status, data } = await auditPage();
    expect(status).toBe(200);
    expect(data.rows.length).toBeGreaterThan(8);
    for (const row of data.rows) {
      const shown = text(row);
      expect(shown).not.toMatch(/[{}"]|\[object|undefined/);
      expect(shown).not.toMatch(/\d{4}-\d{2}-\d{2}|T\d{2}:\d{2}|Z\b/);
      expect(shown).not.toMatch(/\b[a-z]+_[a-z_]+\b|\b(period|iku|report)\.[a-z]+/);
      expect(row.at).toMatch(/^\d{1,2} \w{3} \d{4} \d{2}\.\d{2} WIB$/);
    }
  });

  it("approving a period names the period and who approved it when, in WIB", async () => {
    const { data } = await auditPage();
    const approve = data.rows.find((r) => r.action === "menyetujui dan mengunci periode");
    expect(approve).toMatchObject({ record: period.label, actor: "Rahmat Hidayat (kasi)" });
    expect(approve?.details).toEqual(
      expect.arrayContaining([
        { label: "Status", value: "disetujui" },
        { label: "Disetujui oleh", value: "Rahmat Hidayat" },
        { label: "Disetujui pada", value: expect.stringMatching(/ WIB$/) },
      ]),
    );
  });

  it("an import and its undo, a setting, a failed sign-in and a refused page", async () => {
    const { data } = await auditPage();
    const find = (action: string) => data.rows.find((r) => r.action === action);
    expect(find("mengimpor")).toMatchObject({ record: expect.stringMatching(/^Impor #\d+$/) });
    expect(find("mengimpor")?.details).toContainEqual({ label: "Jenis data", value: "Catatan pelatihan" });
    expect(find("membatalkan impor")).toMatchObject({ actor: "Wulan Maharani (hr)" });
    expect(find("mengubah")).toMatchObject({
      record: "Pengaturan: Penilaian — Batas bawah nilai akhir KPI",
      details: [{ label: "Nilai", value: "61 → 62" }],
    });
    const failed = data.rows.filter((r) => r.action === "gagal masuk").map((r) => r.details);
    expect(failed).toContainEqual([{ label: "Sebab", value: "kata sandi salah" }]);
    expect(failed).toContainEqual([{ label: "Sebab", value: "nama pengguna tidak dikenal" }]);
    expect(find("akses ditolak")).toMatchObject({ record: "Halaman /admin/audit", actor: "Maya Syahputra (petugas)" });
  });
});

describe("filters", () => {
  it("offers evaluations, imports, certificates and periods among the kinds of record", async () => {
    const { data } = await auditPage();
    expect(data.kinds.map((k) => k.value)).toEqual(
      expect.arrayContaining(["evaluasi", "impor", "sertifikat", "periode", "pengguna", "staf"]),
    );
  });

  it("by kind of record: imports only", async () => {
    const { data } = await auditPage("?jenis=impor");
    expect(data.rows.map((r) => r.action).sort()).toEqual(["membatalkan impor", "mengimpor"]);
    expect(data.total).toBe(2);
  });

  it("by kind of record: periods only", async () => {
    const { data } = await auditPage("?jenis=periode");
    expect(data.rows.map((r) => r.record)).toEqual([period.label]);
  });

  it("by user: only what that account did; and what no account did", async () => {
    const { data } = await auditPage(`?oleh=${ids.hr}`);
    expect(data.rows.length).toBeGreaterThanOrEqual(2);
    expect(new Set(data.rows.map((r) => r.actor))).toEqual(new Set(["Wulan Maharani (hr)"]));
    const none = await auditPage("?oleh=tanpa-akun");
    expect(new Set(none.data.rows.map((r) => r.actor))).toEqual(new Set(["sistem", "orang-asing"]));
  });

  it("by WIB date range: a day runs from 00.00 to 23.59 WIB", async () => {
    const at = async (iso: string, label: string) => {
      await recordAudit(db(), { id: null, username: label }, { action: "login_failed", entity: "user" });
      await db()
        .update(auditLog)
        .set({ at: new Date(iso) })
        .where(eq(auditLog.actorLabel, label));
    };
    await at("2025-03-01T16:59:59Z", "akhir-1-maret"); // 23.59.59 WIB, 1 March
    await at("2025-03-01T17:00:00Z", "awal-2-maret"); // 00.00 WIB, 2 March
    const second = await auditPage("?dari=2025-03-02&sampai=2025-03-02");
    expect(second.data.rows.map((r) => r.actor)).toEqual(["awal-2-maret"]);
    const first = await auditPage("?dari=01/03/2025&sampai=01/03/2025");
    expect(first.data.rows.map((r) => r.actor)).toEqual(["akhir-1-maret"]);
    const both = await auditPage("?sampai=2025-03-02");
    expect(both.data.total).toBe(2);
  });

  it("filters combine, and paging keeps them", async () => {
    const { data } = await auditPage(`?jenis=pengguna&oleh=${ids.admin}&hal=1`);
    expect(data.rows.every((r) => r.actor === "Administrator Sistem (admin)")).toBe(true);
    expect(data.rows.map((r) => r.action)).toEqual(expect.arrayContaining(["gagal masuk", "masuk"]));
    expect(data.filter).toMatchObject({ kind: "pengguna", actor: ids.admin, page: 1 });
  });

  it("a date that is not one, or a range backwards, is said at its field and not applied", async () => {
    const all = (await auditPage()).data.total;
    const bad = await auditPage("?dari=31/02/2026");
    expect(bad.status).toBe(200);
    expect(bad.data.errors.dari).toMatch(/^Tanggal tidak valid/);
    expect(bad.data.total).toBe(all);
    const backwards = await auditPage("?dari=2026-12-04&sampai=2026-12-01");
    expect(backwards.data.errors.sampai).toBe(
      "Tanggal akhir (1 Des 2026) sebelum tanggal awal (4 Des 2026). Tukar keduanya.",
    );
  });
});

describe("import history", () => {
  it("names who imported, not their username", async () => {
    const hr = await sessionCookie("hr", DEMO_PASSWORD);
    const result = await callRoute(importPage, "/impor", { cookie: hr });
    const batches = (result.data as { batches: { createdByLabel: string }[] }).batches;
    expect(batches[0]?.createdByLabel).toBe("Wulan Maharani");
  });
});
