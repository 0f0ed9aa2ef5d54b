// Inserts the demo training catalogue, training records, capability decisions and certificates
// (fixtures/demo-training.ts). The certificate PDF is made by the caller's function, so db/ stays free of
// the app's PDF code.
import { createHash, randomInt } from "node:crypto";
import { eq } from "drizzle-orm";
import { wibDay } from "../analytics/dates";
import { certificateRoleLabel } from "../analytics/eligibility";
import { type PositionCode, pangkatLabel } from "../analytics/organization";
import { verificationCode } from "../analytics/verification-code";
import { buildDemoTraining } from "../fixtures/demo-training";
import type { Database } from "./client";
import {
  capabilityDecisions,
  certificateCounters,
  certificates,
  settings,
  staff,
  trainingCourses,
  trainingRecords,
} from "./schema";

export type PdfContent = {
  number: string;
  fullName: string;
  nip: string;
  birthPlace: string;
  birthDate: string;
  pangkat: string;
  qualifiedRole: string;
  assignedRole: string;
  place: string;
  issuedOn: string;
  signerName: string;
  signerNip: string;
  issuedAt: Date;
  verification: { code: string; url: string };
  decision: { decidedBy: string; letterNumber: string; letterDate: string } | null;
};

// Where the demo's QR codes point: the address `npm start` serves on (PORT, 3000 by default).
const demoVerifyBase = () => `http://localhost:${process.env.PORT || 3000}/verifikasi`;

// A fictitious signing official for the demo (the real one is set under Pengaturan).
export const DEMO_LOCAL_POLICY =
  "Nota Dinas Kepala Seksi ND-45/PP.1/2025 tanggal 3 Maret 2025: pelatihan soft skills berlaku 36 bulan";

export const DEMO_SIGNER = { name: "Hendra Wijayanto", nip: "197105121993031002" };

export async function insertDemoTraining(
  tx: Database,
  // Capability decisions are recorded by the Kepala Seksi (the only role that may), as are the certificates.
  input: { now: Date; recordedBy: number; issuedBy: number; makePdf: (content: PdfContent) => Promise<Uint8Array> },
) {
  const people = await tx.select().from(staff).where(eq(staff.active, true)).orderBy(staff.id);
  const plan = buildDemoTraining(
    people.map((p) => ({ id: p.id, position: p.position as PositionCode, hireDate: p.hireDate })),
    wibDay(input.now),
  );
  const courses = await tx
    .insert(trainingCourses)
    .values(plan.courses)
    .returning({ id: trainingCourses.id, code: trainingCourses.code });
  const courseId = new Map(courses.map((c) => [c.code, c.id]));
  if (plan.trainings.length > 0) {
    await tx
      .insert(trainingRecords)
      .values(plan.trainings.map(({ code, ...t }) => ({ ...t, courseId: courseId.get(code) ?? 0 })));
  }
  const decisionOf = new Map<string, typeof capabilityDecisions.$inferSelect>();
  if (plan.decisions.length > 0) {
    const rows = await tx
      .insert(capabilityDecisions)
      .values(
        plan.decisions.map((d) => ({
          ...d,
          decidedBy: "Direktur Penerimaan dan Peraturan Kepabeanan dan Cukai",
          recordedBy: input.recordedBy,
        })),
      )
      .returning();
    for (const d of rows) decisionOf.set(`${d.staffId}|${d.role}`, d);
  }
  await tx.insert(settings).values([
    { key: "certificate.signerName", value: DEMO_SIGNER.name },
    { key: "certificate.signerNip", value: DEMO_SIGNER.nip },
    // The demo center keeps a local policy stricter than E.4 (which has no expiry): its soft-skills course is
    // valid for three years. The regulation's rule is the default everywhere else.
    { key: "certification.validityExpires", value: true },
    { key: "certification.localPolicy", value: DEMO_LOCAL_POLICY },
  ]);

  const perYear = new Map<number, number>();
  const byId = new Map(people.map((p) => [p.id, p]));
  for (const c of plan.certificates) {
    const person = byId.get(c.staffId);
    if (!person) continue;
    const year = Number(c.issuedOn.slice(0, 4));
    const sequence = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, sequence);
    const number = `${String(sequence).padStart(3, "0")}/SK-CC/${year}`;
    const issuedAt = new Date(`${c.issuedOn}T02:00:00Z`);
    const code = verificationCode(randomInt);
    const decision = decisionOf.get(`${c.staffId}|${c.role}`) ?? null;
    const pdf = await input.makePdf({
      verification: { code, url: `${demoVerifyBase()}/${code}` },
      decision,
      number,
      fullName: person.fullName,
      nip: person.nip,
      birthPlace: person.birthPlace,
      birthDate: person.birthDate,
      pangkat: pangkatLabel(person.golongan),
      qualifiedRole: certificateRoleLabel(c.role),
      assignedRole: certificateRoleLabel(c.role),
      place: "Jakarta",
      issuedOn: c.issuedOn,
      signerName: DEMO_SIGNER.name,
      signerNip: DEMO_SIGNER.nip,
      issuedAt,
    });
    await tx.insert(certificates).values({
      number,
      year,
      sequence,
      staffId: person.id,
      fullName: person.fullName,
      nip: person.nip,
      birthPlace: person.birthPlace,
      birthDate: person.birthDate,
      golongan: person.golongan,
      qualifiedRole: c.role,
      assignedRole: c.role,
      issuedOn: c.issuedOn,
      place: "Jakarta",
      signerName: DEMO_SIGNER.name,
      signerNip: DEMO_SIGNER.nip,
      pdf,
      pdfSha256: createHash("sha256").update(pdf).digest("hex"),
      issuedBy: input.issuedBy,
      issuedAt,
      revokedAt: c.revoke ? input.now : null,
      revokedBy: c.revoke ? input.issuedBy : null,
      revokeReason: c.revoke,
      verificationCode: code,
      decisionId: decision?.id ?? null,
      decidedBy: decision?.decidedBy ?? null,
      decisionLetterNumber: decision?.letterNumber ?? null,
      decisionLetterDate: decision?.letterDate ?? null,
    });
  }
  if (perYear.size > 0) {
    await tx.insert(certificateCounters).values([...perYear].map(([year, lastSequence]) => ({ year, lastSequence })));
  }
  return { trainings: plan.trainings.length, certificates: plan.certificates.length };
}
