// Capability decisions and Sertifikat Keahlian on the real database: only to the eligible, numbered per year
// without gaps even when issued at once, stored as issued, revoked but never deleted.
import { createHash } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { issueCertificate, revokeCertificate } from "../../app/.server/certificates";
import { getSettings } from "../../app/.server/settings";
import * as certificatePdf from "../../app/routes/sertifikat.$id.pdf";
import * as issuePage from "../../app/routes/sertifikat.baru";
import * as staffPage from "../../app/routes/staf.$id._index";
import { capabilityDecisions, certificates, staff, teams, users } from "../../db/schema";
import { DEMO_PASSWORD } from "../../fixtures/demo";
import { makeEligible, seedCatalogue, setSigner } from "../support/certification";
import { demoDatabaseForThisFile } from "../support/db";
import { staffIdOf } from "../support/evaluations";
import { pdfText } from "../support/pdf";
import { callRoute, sessionCookie } from "../support/routes";

const getHandle = demoDatabaseForThisFile("staff", async (handle) => {
  await seedCatalogue(handle.db);
});
const db = () => getHandle().db;

let kasi = { id: 0, username: "kasi" };
let agents: number[] = [];
beforeAll(async () => {
  const [k] = await db().select().from(users).where(eq(users.username, "kasi"));
  kasi = { id: k?.id ?? 0, username: "kasi" };
  const [li] = await db().select().from(teams).where(eq(teams.code, "layanan_informasi"));
  agents = (
    await db()
      .select({ id: staff.id })
      .from(staff)
      .where(and(eq(staff.teamId, li?.id ?? 0), eq(staff.position, "petugas_layanan"), eq(staff.active, true)))
      .orderBy(staff.id)
  ).map((a) => a.id);
});

const issue = async (staffId: number, issuedOn = "2026-11-02") =>
  issueCertificate(db(), kasi, await getSettings(db()), { staffId, role: "petugas_layanan", issuedOn });

describe("issuing", () => {
  it("is refused until the signing official is set", async () => {
    await makeEligible(db(), agents[0] ?? 0);
    await expect(issue(agents[0] ?? 0)).rejects.toThrow(/pejabat penanda tangan/);
    await setSigner(db());
  });

  it("is refused to someone not eligible, naming what is missing, and takes no number", async () => {
    await expect(issue(agents[1] ?? 0)).rejects.toThrow(
      /belum memenuhi syarat sebagai Petugas Layanan: Belum ada catatan mengikuti diklat teknis/,
    );
    expect(await db().select().from(certificates)).toEqual([]);
  });

  it("gives 001/SK-CC/2026 with fields (1)–(8) of Lampiran IV in the stored PDF", async () => {
    const { number, id } = await issue(agents[0] ?? 0);
    expect(number).toBe("001/SK-CC/2026");
    const [row] = await db().select().from(certificates).where(eq(certificates.id, id));
    const [person] = await db()
      .select()
      .from(staff)
      .where(eq(staff.id, agents[0] ?? 0));
    const text = pdfText(row?.pdf ?? new Uint8Array());
    for (const expected of [
      "Nomor: 001/SK-CC/2026",
      "SERTIFIKAT KEAHLIAN",
      person?.fullName ?? "-",
      `${person?.nip.slice(0, 8)} ${person?.nip.slice(8, 14)}`,
      "Petugas Layanan",
      "Jakarta, 2 November 2026",
      "a.n. Direktur Jenderal",
      "Direktur Penerimaan dan Peraturan",
      "Hendra Wijayanto",
      "NIP 19710512 199303 1 002",
    ]) {
      expect(text).toContain(expected);
    }
    expect(row?.pdfSha256).toBe(
      createHash("sha256")
        .update(row?.pdf ?? new Uint8Array())
        .digest("hex"),
    );
  });

  it("the PDF downloads unchanged, and only by those who may see it: the holder yes, a colleague no", async () => {
    const [row] = await db().select().from(certificates).limit(1);
    const holder = await db()
      .select()
      .from(users)
      .where(eq(users.staffId, row?.staffId ?? 0));
    const download = await callRoute(certificatePdf, "/x", {
      params: { id: String(row?.id) },
      cookie: await sessionCookie("kasi", DEMO_PASSWORD),
    });
    expect(download.status).toBe(200);
    const body = Buffer.from(download.data as string, "latin1");
    expect(body.length).toBeGreaterThan(1000);
    const petugas = await sessionCookie("petugas", DEMO_PASSWORD);
    const own = holder[0]?.username === "petugas";
    expect((await callRoute(certificatePdf, "/x", { params: { id: String(row?.id) }, cookie: petugas })).status).toBe(
      own ? 200 : 404,
    );
  });

  it("one certificate in force per person and role; after revoking, a new one gets the next number", async () => {
    const first = agents[0] ?? 0;
    await expect(issue(first)).rejects.toThrow(/sudah memegang sertifikat aktif/);
    const [held] = await db().select().from(certificates).where(eq(certificates.staffId, first));
    await expect(revokeCertificate(db(), kasi, held?.id ?? 0, "pendek")).resolves.toBeUndefined();
    await expect(revokeCertificate(db(), kasi, held?.id ?? 0, "Dicabut lagi untuk uji.")).rejects.toThrow(
      /sudah dicabut/,
    );
    expect((await issue(first)).number).toBe("002/SK-CC/2026");
    expect(await db().select().from(certificates).where(eq(certificates.staffId, first))).toHaveLength(2);
  });

  it("issued at the same moment, eight certificates get 003 … 010: unique and without gaps", async () => {
    const batch = agents.slice(2, 10);
    for (const a of batch) await makeEligible(db(), a);
    const issued = await Promise.all(batch.map((a) => issue(a)));
    const numbers = issued.map((i) => i.number).sort();
    expect(numbers).toEqual(Array.from({ length: 8 }, (_, i) => `${String(i + 3).padStart(3, "0")}/SK-CC/2026`));
    const stored = await db()
      .select({ sequence: certificates.sequence })
      .from(certificates)
      .where(inArray(certificates.staffId, batch));
    expect(stored.map((s) => s.sequence).sort((a, b) => a - b)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("each year has its own numbers: a certificate dated 30 Dec 2025 is 001/SK-CC/2025", async () => {
    await makeEligible(db(), agents[10] ?? 0, "petugas_layanan", "2025-08-01");
    expect((await issue(agents[10] ?? 0, "2025-12-30")).number).toBe("001/SK-CC/2025");
  });
});

describe("capability decisions through the staff page", () => {
  it("the Kepala Seksi records one with its letter and basis, and withdraws it with a reason", async () => {
    const cookie = await sessionCookie("kasi", DEMO_PASSWORD);
    const person = agents[11] ?? 0;
    const bad = await callRoute(staffPage, "/x", {
      method: "POST",
      params: { id: String(person) },
      cookie,
      form: { intent: "decide", role: "petugas_layanan" },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys((bad.data as { errors: object }).errors).sort()).toEqual([
      "basis",
      "decidedBy",
      "letterDate",
      "letterNumber",
    ]);
    const ok = await callRoute(staffPage, "/x", {
      method: "POST",
      params: { id: String(person) },
      cookie,
      form: {
        intent: "decide",
        role: "petugas_layanan",
        decidedBy: "Direktur PPKC",
        letterNumber: "ND-77/PP.1/2026",
        letterDate: "03/11/2026",
        basis: "KPI tiga periode terakhir Baik.",
      },
    });
    expect(ok.status).toBe(302);
    const [decision] = await db().select().from(capabilityDecisions).where(eq(capabilityDecisions.staffId, person));
    expect(decision).toMatchObject({ letterDate: "2026-11-03", role: "petugas_layanan", withdrawnAt: null });
    const withdrawn = await callRoute(staffPage, "/x", {
      method: "POST",
      params: { id: String(person) },
      cookie,
      form: {
        intent: "withdraw",
        decisionId: String(decision?.id),
        reason: "Surat keputusan dibatalkan Direktur.",
        konfirmasi: "ya",
      },
    });
    expect(withdrawn.status).toBe(302);
    const [after] = await db()
      .select()
      .from(capabilityDecisions)
      .where(eq(capabilityDecisions.id, decision?.id ?? 0));
    expect(after?.withdrawReason).toBe("Surat keputusan dibatalkan Direktur.");
  });

  it("the staff page offers to issue a certificate to the Kepala Seksi only", async () => {
    const person = String(agents[0] ?? 0);
    const asKasi = await callRoute(staffPage, "/x", {
      params: { id: person },
      cookie: await sessionCookie("kasi", DEMO_PASSWORD),
    });
    const asHr = await callRoute(staffPage, "/x", {
      params: { id: person },
      cookie: await sessionCookie("hr", DEMO_PASSWORD),
    });
    expect((asKasi.data as { canIssue: boolean }).canIssue).toBe(true);
    expect((asHr.data as { canIssue: boolean }).canIssue).toBe(false);
  });

  it("the issue page refuses a person who is not eligible, with the reason next to the form", async () => {
    const cookie = await sessionCookie("kasi", DEMO_PASSWORD);
    const r = await callRoute(issuePage, "/sertifikat/baru", {
      method: "POST",
      cookie,
      form: { staffId: String(await staffIdOf(db(), "supervisor")), role: "supervisor" },
    });
    expect(r.status).toBe(409);
    expect((r.data as { errors: Record<string, string> }).errors.staffId).toMatch(
      /belum memenuhi syarat sebagai Supervisor/,
    );
  });
});
