// Templates (draft, publish, immutability, versions kept by evaluations) and the period review
// (once per agent per period, kedisiplinan and CPH with its source), through the real routes.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { frozenVersion } from "../../app/.server/scorecards";
import * as newEvaluation from "../../app/routes/evaluasi.baru";
import * as reviewForm from "../../app/routes/evaluasi.periode.nilai";
import * as versionPage from "../../app/routes/template.$id";
import { evaluations, scorecardItems, scorecardTemplates, scorecardVersions, staff, teams } from "../../db/schema";
import { DEMO_PASSWORD } from "../../fixtures/demo";
import { demoDatabaseForThisFile } from "../support/db";
import { interactionForm, scoreForm, staffIdOf } from "../support/evaluations";
import { callRoute, sessionCookie } from "../support/routes";

const getHandle = demoDatabaseForThisFile("staff");
const db = () => getHandle().db;
type Failure = { errors: Record<string, string>; values: Record<string, string> };

let koordinator = "";
let penilai = "";
beforeAll(async () => {
  koordinator = await sessionCookie("koordinator", DEMO_PASSWORD);
  penilai = await sessionCookie("penilai", DEMO_PASSWORD);
});

async function versionsOf(teamCode: string) {
  return db()
    .select({ v: scorecardVersions })
    .from(scorecardVersions)
    .innerJoin(scorecardTemplates, eq(scorecardTemplates.id, scorecardVersions.templateId))
    .innerJoin(teams, eq(teams.id, scorecardTemplates.teamId))
    .where(eq(teams.code, teamCode))
    .orderBy(scorecardVersions.version)
    .then((rows) => rows.map((r) => r.v));
}
const post = (versionId: number, form: Record<string, string>) =>
  callRoute(versionPage, "/template/x", {
    method: "POST",
    params: { id: String(versionId) },
    form,
    cookie: koordinator,
  });

/** The weights form of a draft: hardskill, softskill, kedisiplinan and CPH, in percent. */
const weightsForm = (lockVersion: number | undefined, [h, s, k, c]: [number, number, number, number]) => ({
  intent: "weights",
  lockVersion: String(lockVersion),
  weightHardskill: String(h),
  weightSoftskill: String(s),
  weightKedisiplinan: String(k),
  weightCph: String(c),
});

describe("templates", () => {
  it("the default templates are published version 1, with every item traceable to a clause", async () => {
    const [v1] = await versionsOf("layanan_informasi");
    expect(v1).toMatchObject({
      version: 1,
      status: "published",
      weightHardskill: 40,
      weightSoftskill: 30,
      weightKedisiplinan: 20,
      weightCph: 10,
    });
    const items = await db()
      .select()
      .from(scorecardItems)
      .where(eq(scorecardItems.versionId, v1?.id ?? 0));
    expect(items.map((i) => i.code)).toEqual([
      "H1",
      "H2",
      "H3",
      "H4",
      "H5",
      "HK1",
      "HK2",
      "S1",
      "S2",
      "S3",
      "S4",
      "S5",
      "S6",
      "SK1",
      "D1",
      "D2",
      "D3",
      "D4",
    ]);
    expect(items.every((i) => i.clause.length > 0)).toBe(true);
    expect(items.filter((i) => i.critical).map((i) => i.code)).toEqual(["HK1", "HK2", "SK1"]);
    const [m1] = await versionsOf("manajemen_layanan");
    expect(m1?.weightCph).toBe(0);
  });

  it("a published version cannot be edited; editing starts draft version 2, a copy", async () => {
    const [v1] = await versionsOf("layanan_informasi");
    const refused = await post(v1?.id ?? 0, weightsForm(v1?.lockVersion, [50, 20, 20, 10]));
    expect(refused.status).toBe(409);
    expect((refused.data as Failure).errors._form).toMatch(/sudah terbit dan tidak dapat diubah/);
    const started = await post(v1?.id ?? 0, { intent: "new-draft", templateId: String(v1?.templateId) });
    expect(started.status).toBe(302);
    const [, v2] = await versionsOf("layanan_informasi");
    expect(v2).toMatchObject({ version: 2, status: "draft" });
    const copied = await db()
      .select()
      .from(scorecardItems)
      .where(eq(scorecardItems.versionId, v2?.id ?? 0));
    expect(copied).toHaveLength(18);
  });

  it("section weights must sum to 100; the draft keeps its old weights when they do not", async () => {
    const [, v2] = await versionsOf("layanan_informasi");
    const r = await post(v2?.id ?? 0, weightsForm(v2?.lockVersion, [50, 30, 20, 10]));
    expect(r.status).toBe(400);
    expect((r.data as Failure).errors.weightHardskill).toBe("Jumlah bobot bagian harus 100, sekarang 110.");
    const [, still] = await versionsOf("layanan_informasi");
    expect(still?.weightHardskill).toBe(40);
  });

  it("a critical item must be Ya/Tidak with weight 0; item codes are unique in a version", async () => {
    const [, v2] = await versionsOf("layanan_informasi");
    const base = {
      intent: "save-item",
      lockVersion: String(v2?.lockVersion),
      section: "hardskill",
      text: "Tidak menjanjikan hasil penanganan kasus",
      clause: "B.1.d",
    };
    const wrong = await post(v2?.id ?? 0, { ...base, code: "HK3", scale: "1-5", weight: "10", critical: "on" });
    expect((wrong.data as Failure).errors.scale).toMatch(/Ya\/Tidak/);
    expect((wrong.data as Failure).errors.weight).toMatch(/tidak berbobot/);
    const clash = await post(v2?.id ?? 0, { ...base, code: "H1", scale: "ya_tidak", weight: "10" });
    expect((clash.data as Failure).errors.code).toBe("Kode H1 sudah dipakai butir lain di versi ini.");
    const ok = await post(v2?.id ?? 0, { ...base, code: "HK3", scale: "ya_tidak", weight: "0", critical: "on" });
    expect(ok.status).toBe(200);
  });

  it("a stale draft edit is refused", async () => {
    const [, v2] = await versionsOf("layanan_informasi");
    const form = weightsForm(v2?.lockVersion, [45, 25, 20, 10]);
    expect((await post(v2?.id ?? 0, form)).status).toBe(200);
    const stale = await post(v2?.id ?? 0, { ...form, weightHardskill: "40", weightSoftskill: "30" });
    expect(stale.status).toBe(409);
    const [, after] = await versionsOf("layanan_informasi");
    expect(after?.weightHardskill).toBe(45);
  });

  it("publishing retires version 1; new evaluations use version 2 while earlier ones keep version 1", async () => {
    const agent = await staffIdOf(db(), "petugas");
    const before = await callRoute(newEvaluation, "/evaluasi/baru", {
      method: "POST",
      form: await interactionForm(db(), agent),
      cookie: penilai,
    });
    const oldId = Number(before.location?.match(/\/evaluasi\/(\d+)/)?.[1]);
    const [v1, v2] = await versionsOf("layanan_informasi");
    expect(
      (await post(v2?.id ?? 0, { intent: "publish", lockVersion: String(v2?.lockVersion), konfirmasi: "ya" })).status,
    ).toBe(200);
    const [r1, r2] = await versionsOf("layanan_informasi");
    expect([r1?.status, r2?.status]).toEqual(["retired", "published"]);
    const after = await callRoute(newEvaluation, "/evaluasi/baru", {
      method: "POST",
      form: await interactionForm(db(), agent, { values: { HK3: "ya" } }),
      cookie: penilai,
    });
    const newId = Number(after.location?.match(/\/evaluasi\/(\d+)/)?.[1]);
    const rows = await db().select().from(evaluations).where(eq(evaluations.agentStaffId, agent));
    expect(rows.find((r) => r.id === oldId)?.versionId).toBe(v1?.id);
    expect(rows.find((r) => r.id === newId)?.versionId).toBe(v2?.id);
    // Version 2 weights hardskill 45 and softskill 25: 45×80 + 25×78.75 over 70.
    expect(rows.find((r) => r.id === newId)?.total).toBeCloseTo((45 * 80 + 25 * 78.75) / 70, 10);
  });

  it("the save path keeps published versions (frozen, shared) but never a draft, which may still change", async () => {
    const [, v2] = await versionsOf("layanan_informasi");
    const kept = await frozenVersion(db(), v2?.id ?? 0);
    expect(kept?.weights.hardskill).toBe(45);
    expect(await frozenVersion(db(), v2?.id ?? 0)).toBe(kept);
    const first = kept?.items[0] as { weight: number };
    expect(Object.isFrozen(first)).toBe(true);
    expect(() => {
      first.weight = 99;
    }).toThrow(TypeError);
    await post(v2?.id ?? 0, { intent: "new-draft", templateId: String(v2?.templateId) });
    const [, , v3] = await versionsOf("layanan_informasi");
    expect((await frozenVersion(db(), v3?.id ?? 0))?.weights.hardskill).toBe(45);
    const form = weightsForm(v3?.lockVersion, [50, 20, 20, 10]);
    expect((await post(v3?.id ?? 0, form)).status).toBe(200);
    expect((await frozenVersion(db(), v3?.id ?? 0))?.weights.hardskill).toBe(50);
  });
});

describe("period review", () => {
  const review = (form: Record<string, string>, cookie = penilai) =>
    callRoute(reviewForm, "/evaluasi/periode/nilai", { method: "POST", form, cookie });

  it("CPH 8 against the telepon target 10 scores 80; kedisiplinan all 4s scores 75; the source is kept", async () => {
    const agent = await staffIdOf(db(), "petugas");
    const form = {
      agentId: String(agent),
      periodId: "2026-10",
      cphActual: "8,0",
      cphChannel: "telepon",
      cphSourceNote: "Laporan aplikasi telepon Oktober",
      intent: "submit",
      ...(await scoreForm(db(), agent, ["kedisiplinan"])),
    };
    const r = await review(form);
    expect(r.status).toBe(302);
    const [row] = await db()
      .select()
      .from(evaluations)
      .where(and(eq(evaluations.kind, "period_review"), eq(evaluations.agentStaffId, agent)));
    expect(row).toMatchObject({
      state: "submitted",
      kedisiplinan: 75,
      cphActual: 8,
      cphTarget: 10,
      cphScore: 80,
      cphSource: "manual",
      cphSourceNote: "Laporan aplikasi telepon Oktober",
    });
    const again = await review(form);
    expect(again.status).toBe(409);
    expect((again.data as Failure).errors.agentId).toMatch(/sudah ada/);
  });

  it("CPH without a source, or a submission without CPH, is refused", async () => {
    const [li] = await db().select().from(teams).where(eq(teams.code, "layanan_informasi"));
    const [someone] = await db()
      .select()
      .from(staff)
      .where(and(eq(staff.teamId, li?.id ?? 0), eq(staff.position, "ketua_tim")));
    const base = {
      agentId: String(someone?.id),
      periodId: "2026-10",
      cphChannel: "telepon",
      intent: "submit",
      ...(await scoreForm(db(), someone?.id ?? 0, ["kedisiplinan"])),
    };
    const noSource = await review({ ...base, cphActual: "7" });
    expect((noSource.data as Failure).errors.cphSourceNote).toMatch(/Sebutkan sumber/);
    const noCph = await review(base);
    expect((noCph.data as Failure).errors.cphActual).toMatch(/Isi CPH/);
    const badCph = await review({ ...base, cphActual: "banyak", cphSourceNote: "x" });
    expect((badCph.data as Failure).errors.cphActual).toMatch(/angka/);
  });

  it("the Manajemen Layanan template has no CPH: the review needs none", async () => {
    const [ml] = await db().select().from(teams).where(eq(teams.code, "manajemen_layanan"));
    const [person] = await db()
      .select()
      .from(staff)
      .where(and(eq(staff.teamId, ml?.id ?? 0), eq(staff.position, "petugas_layanan")));
    const r = await review({
      agentId: String(person?.id),
      periodId: "2026-10",
      intent: "submit",
      ...(await scoreForm(db(), person?.id ?? 0, ["kedisiplinan"], { D1: "5" })),
    });
    expect(r.status).toBe(302);
    const [row] = await db()
      .select()
      .from(evaluations)
      .where(eq(evaluations.agentStaffId, person?.id ?? 0));
    // D1 5 (100) ×30 + D2–D4 4 (75) ×70 = 3000 + 5250 = 8250 ÷ 100 = 82.5
    expect(row).toMatchObject({ kedisiplinan: 82.5, cphActual: null, cphScore: null });
  });
});
