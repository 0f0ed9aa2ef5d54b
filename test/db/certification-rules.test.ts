// Certification as KEP-165/BC/2014 says, on the real database: E.4's "mengikuti" by default and a local policy
// only with its written basis; the capability decision (E.4 c) travels onto the certificate and its PDF; every
// certificate carries a code that /verifikasi answers without sign-in (name, role, dates; never the NIP),
// rate-limited; KETUJUH counts every active official, Penilai included, and the roster marks shifts of people
// without a certificate in force.
import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { wibDay } from "../../analytics/dates";
import { periodOf } from "../../analytics/period";
import { formatNumber, issueCertificate, revokeCertificate } from "../../app/.server/certificates";
import { eligibilityList, eligibilityOf } from "../../app/.server/certification";
import { periodKpiReport } from "../../app/.server/period-kpi";
import { rosterPage } from "../../app/.server/roster-page";
import { SYSTEM_ACCESS } from "../../app/.server/scope";
import { getSettings, parseSettings, updateSettings } from "../../app/.server/settings";
import * as verifyForm from "../../app/routes/verifikasi._index";
import * as verifyPage from "../../app/routes/verifikasi.$kode";
import { defaultSettings } from "../../app/settings-definitions";
import { certificates, shifts, staff, trainingCourses, trainingRecords, users } from "../../db/schema";
import { makeEligible, SIGNER, seedCatalogue } from "../support/certification";
import { demoDatabaseForThisFile } from "../support/db";
import { pdfText } from "../support/pdf";
import { callRoute } from "../support/routes";

const getHandle = demoDatabaseForThisFile("staff", async (handle) => {
  await seedCatalogue(handle.db);
});
const db = () => getHandle().db;
const TODAY = wibDay(new Date());

let kasi = { id: 0, username: "kasi" };
let agent = 0;
let assessor = 0;
beforeAll(async () => {
  const [k] = await db().select().from(users).where(eq(users.username, "kasi"));
  kasi = { id: k?.id ?? 0, username: "kasi" };
  const pick = async (position: string) => {
    const [p] = await db()
      .select({ id: staff.id })
      .from(staff)
      .where(and(eq(staff.position, position), eq(staff.active, true)))
      .orderBy(staff.id)
      .limit(1);
    return p?.id ?? 0;
  };
  agent = await pick("petugas_layanan");
  assessor = await pick("penilai");
  await updateSettings(db(), { id: null, username: "test" }, { ...defaultSettings(), ...SIGNER });
});

const issue = async (staffId: number, origin = "https://mutu.contoh.go.id") =>
  issueCertificate(
    db(),
    kasi,
    await getSettings(db()),
    { staffId, role: "petugas_layanan", issuedOn: TODAY },
    { origin },
  );

describe("E.4 (a) and (b): attended counts, unless a local policy with its basis says otherwise", () => {
  it("by default a failed soft-skills course still counts as attended; with the policy 'tidak lulus tidak dihitung' it does not", async () => {
    const person = assessor;
    await makeEligible(db(), person);
    const [ssk] = await db()
      .select({ id: trainingRecords.id })
      .from(trainingRecords)
      .innerJoin(trainingCourses, eq(trainingCourses.id, trainingRecords.courseId))
      .where(and(eq(trainingRecords.staffId, person), eq(trainingCourses.code, "SSK-01")));
    await db()
      .update(trainingRecords)
      .set({ status: "tidak_lulus" })
      .where(eq(trainingRecords.id, ssk?.id ?? 0));
    expect((await eligibilityOf(db(), person, "petugas_layanan", TODAY)).eligible).toBe(true);

    const strict = { ...(await getSettings(db())), "certification.failedCounts": false };
    const refused = parseSettings(strict);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors["certification.localPolicy"]).toMatch(/Tuliskan dasar kebijakan lokal/);
    const withBasis = parseSettings({ ...strict, "certification.localPolicy": "ND-9/PP.1/2026: wajib lulus" });
    expect(withBasis.ok).toBe(true);
    if (!withBasis.ok) return;
    await updateSettings(db(), { id: null, username: "test" }, withBasis.value);
    const now = await eligibilityOf(db(), person, "petugas_layanan", TODAY);
    expect(now.eligible).toBe(false);
    expect(now.requirements[1]?.missing).toMatch(/tidak lulus; menurut kebijakan lokal/);

    await updateSettings(
      db(),
      { id: null, username: "test" },
      { ...withBasis.value, "certification.failedCounts": true },
    );
    expect((await eligibilityOf(db(), person, "petugas_layanan", TODAY)).eligible).toBe(true);
  });
});

describe("the certificate: decision on it, and public verification", () => {
  it("is numbered per year as NNN/SK-CC/YYYY and widens to four digits after 999, never wrapping", () => {
    expect([1, 999, 1000, 1234].map((n) => formatNumber(n, 2026))).toEqual([
      "001/SK-CC/2026",
      "999/SK-CC/2026",
      "1000/SK-CC/2026",
      "1234/SK-CC/2026",
    ]);
  });

  let code = "";
  let number = "";

  it("stores the capability decision and a code; the PDF prints both, and the QR points to the public address", async () => {
    await makeEligible(db(), agent);
    const issued = await issue(agent);
    number = issued.number;
    const [row] = await db().select().from(certificates).where(eq(certificates.id, issued.id));
    expect(row).toMatchObject({
      decidedBy: "Direktur PPKC",
      decisionLetterNumber: `ND-${agent}/PP.1/2026`,
      decisionLetterDate: "2026-02-02",
    });
    code = row?.verificationCode ?? "";
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
    const text = pdfText(row?.pdf ?? new Uint8Array());
    expect(text).toContain(`Kode verifikasi: ${code.slice(0, 5)}-${code.slice(5)}`);
    expect(text).toContain(`https://mutu.contoh.go.id/verifikasi/${code}`);
    expect(text).toMatch(/Dianggap mampu \(E\.4 huruf c\) oleh Direktur PPKC dengan surat Nomor/);
  });

  it("/verifikasi answers 'valid' with number, name, role and date only; typed in lower case with the dash it is the same", async () => {
    const typed = `${code.slice(0, 5).toLowerCase()}-${code.slice(5)}`;
    const r = await callRoute(verifyPage, `/verifikasi/${typed}`, {
      params: { kode: typed },
      remoteAddress: "10.9.0.1",
    });
    expect(r.status).toBe(200);
    const [person] = await db().select().from(staff).where(eq(staff.id, agent));
    expect(r.data).toEqual({
      found: true,
      code,
      number,
      fullName: person?.fullName,
      role: "petugas_layanan",
      issuedOn: TODAY,
      revokedOn: null,
    });
    expect(JSON.stringify(r.data)).not.toContain(person?.nip ?? "-");
    expect(JSON.stringify(r.data)).not.toContain(person?.birthDate ?? "-");
  });

  it("the form sends a typed code to its page; an unknown code is 404 and says so", async () => {
    const form = await callRoute(verifyForm, "/verifikasi?kode= abcde 23456 ", { remoteAddress: "10.9.0.2" });
    expect(form).toMatchObject({ status: 302, location: "/verifikasi/abcde23456" });
    const unknown = await callRoute(verifyPage, "/verifikasi/ABCDE23456", {
      params: { kode: "ABCDE23456" },
      remoteAddress: "10.9.0.2",
    });
    expect(unknown.status).toBe(404);
    expect(unknown.data).toEqual({ found: false, code: "ABCDE23456" });
  });

  it("after revocation it answers 'revoked' with the day, without the reason", async () => {
    const [row] = await db().select().from(certificates).where(eq(certificates.verificationCode, code));
    await revokeCertificate(db(), kasi, row?.id ?? 0, "Pegawai dimutasi ke kantor lain; sertifikat dicabut.");
    const r = await callRoute(verifyPage, `/verifikasi/${code}`, { params: { kode: code }, remoteAddress: "10.9.0.3" });
    expect(r.status).toBe(200);
    expect((r.data as { revokedOn: unknown }).revokedOn).not.toBeNull();
    expect(JSON.stringify(r.data)).not.toContain("dimutasi");
  });

  it("is rate-limited per address: past the limit a 429 with Retry-After, while another address is still answered", async () => {
    await updateSettings(
      db(),
      { id: null, username: "test" },
      {
        ...(await getSettings(db())),
        "rateLimit.verificationsPerMinutePerAddress": 3,
      },
    );
    const ask = (address: string) =>
      callRoute(verifyPage, `/verifikasi/${code}`, { params: { kode: code }, remoteAddress: address });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await ask("10.9.0.4")).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await ask("10.9.0.4");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(JSON.stringify(refused.data)).toMatch(/Terlalu banyak pemeriksaan sertifikat/);
    expect((await ask("10.9.0.5")).status).toBe(200);
  });
});

describe("KETUJUH: every active official must hold a certificate", () => {
  it("the certified share counts every active official, Penilai included, and only the certificate of their position's role", async () => {
    // The assessor (a Penilai, certified as a Petugas Layanan) gets one; the agent's was revoked above.
    await issue(assessor);
    const active = await db().select({ id: staff.id }).from(staff).where(eq(staff.active, true));
    const period = periodOf(new Date());
    const report = await periodKpiReport(db(), period.id, await getSettings(db()), SYSTEM_ACCESS);
    expect(report.center.officials).toBe(active.length);
    expect(report.center.certified).toBe(1);
    expect(report.center.certifiedShare).toBeCloseTo(1 / active.length, 10);

    const list = await eligibilityList(db(), SYSTEM_ACCESS, {}, TODAY);
    expect(list).toHaveLength(active.length);
    expect(list.find((p) => p.id === assessor)).toMatchObject({
      role: "petugas_layanan",
      certificate: { issuedOn: TODAY },
    });
    const without = await eligibilityList(db(), SYSTEM_ACCESS, { certificate: "belum" }, TODAY);
    expect(without).toHaveLength(active.length - 1);
    expect(without.some((p) => p.id === assessor)).toBe(false);
  });

  it("the roster marks a shift of someone without a certificate in force that day, and not one of the certified", async () => {
    const [other] = await db()
      .select({ id: staff.id })
      .from(staff)
      .where(and(eq(staff.position, "petugas_layanan"), eq(staff.active, true)))
      .orderBy(desc(staff.id))
      .limit(1);
    const certified = other?.id ?? 0;
    await makeEligible(db(), certified);
    await issue(certified);
    // Today 08:00–16:00 WIB: the agent whose certificate was revoked above, and the one just certified.
    const startsAt = new Date(`${TODAY}T01:00:00Z`);
    const endsAt = new Date(`${TODAY}T09:00:00Z`);
    await db()
      .insert(shifts)
      .values([agent, certified].map((staffId) => ({ staffId, startsAt, endsAt, channel: "telepon" })));
    const week = await rosterPage(db(), SYSTEM_ACCESS, new URLSearchParams());
    const today = (id: number) => week.people.find((p) => p.id === id)?.shifts.find((s) => s.day === TODAY);
    expect(today(agent)).toMatchObject({ start: "08:00", uncertified: true });
    expect(today(certified)).toMatchObject({ start: "08:00", uncertified: false });
    expect(week.uncertifiedShifts).toBeGreaterThanOrEqual(1);
  });
});
