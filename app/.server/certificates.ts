// Sertifikat Keahlian: issued by the Kepala Seksi to an eligible person only, numbered NNN/SK-CC/YYYY per
// year without gaps (the counter row is taken inside the issuing transaction), stored as issued, revoked
// with a reason and never deleted.
import { createHash, randomInt } from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { parseFormDate, wibDay } from "../../analytics/dates";
import { CERTIFICATE_ROLES, type CertificateRole, certificateRoleLabel } from "../../analytics/eligibility";
import { pangkatLabel } from "../../analytics/organization";
import { verificationCode } from "../../analytics/verification-code";
import { capabilityDecisions, certificateCounters, certificates, staff } from "../../db/schema";
import { type Actor, recordAudit } from "./audit";
import { certificatePdf } from "./certificate-pdf";
import { eligibilityOf } from "./certification";
import type { Database } from "./db";
import { UserFacingError } from "./errors";
import { isUniqueViolation } from "./forms";
import { type Access, inScope } from "./scope";
import type { Settings } from "./settings";

const ROLE_CODES = CERTIFICATE_ROLES.map((r) => r.code) as [CertificateRole, ...CertificateRole[]];

export const issueInput = z.object({
  staffId: z.coerce.number({ error: "Pilih pegawai." }).int().positive({ error: "Pilih pegawai." }),
  role: z.enum(ROLE_CODES, { error: "Pilih keahlian (Supervisor, Ketua Tim atau Petugas Layanan)." }),
  issuedOn: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (!value?.trim()) return wibDay(new Date());
      const day = parseFormDate(value);
      if (!day) {
        ctx.addIssue({
          code: "custom",
          message: "Tanggal sertifikat tidak valid. Gunakan HH/BB/TTTT, tahun 1900–2199.",
        });
        return z.NEVER;
      }
      if (day > wibDay(new Date())) {
        ctx.addIssue({ code: "custom", message: "Tanggal sertifikat tidak boleh di masa depan." });
        return z.NEVER;
      }
      return day;
    }),
});

export const formatNumber = (sequence: number, year: number) => `${String(sequence).padStart(3, "0")}/SK-CC/${year}`;

export async function issueCertificate(
  db: Database,
  actor: Actor & { id: number },
  settings: Settings,
  input: z.output<typeof issueInput>,
  options: { now?: Date; origin?: string } = {},
): Promise<{ id: number; number: string }> {
  const now = options.now ?? new Date();
  // Where the QR code points: the public address from the settings, else the address the Kepala Seksi used.
  const verifyBase = `${settings["certificate.verifyBaseUrl"] || options.origin || "http://localhost:3000"}/verifikasi`;
  const signerName = settings["certificate.signerName"];
  const signerNip = settings["certificate.signerNip"];
  if (!signerName || !signerNip) {
    throw new UserFacingError("Isi dulu nama dan NIP pejabat penanda tangan di Pengaturan › Sertifikat Keahlian.");
  }
  const [person] = await db.select().from(staff).where(eq(staff.id, input.staffId));
  if (!person) throw new UserFacingError("Pegawai tidak ditemukan.", "staffId");
  const year = Number(input.issuedOn.slice(0, 4));
  try {
    return await db.transaction(async (tx) => {
      const check = await eligibilityOf(tx, person.id, input.role, input.issuedOn);
      if (!check.eligible) {
        const missing = check.requirements.filter((r) => !r.met).map((r) => r.missing);
        throw new UserFacingError(
          `${person.fullName} belum memenuhi syarat sebagai ${certificateRoleLabel(input.role)}: ${missing.join(" ")}`,
          "staffId",
        );
      }
      const [held] = await tx
        .select({ number: certificates.number })
        .from(certificates)
        .where(
          and(
            eq(certificates.staffId, person.id),
            eq(certificates.qualifiedRole, input.role),
            isNull(certificates.revokedAt),
          ),
        );
      if (held) {
        throw new UserFacingError(
          `${person.fullName} sudah memegang sertifikat aktif sebagai ${certificateRoleLabel(input.role)} (${held.number}). Cabut dulu bila perlu diterbitkan ulang.`,
          "staffId",
        );
      }
      // The next number: concurrent issues wait on this row, and a rollback gives the number back.
      await tx.insert(certificateCounters).values({ year, lastSequence: 0 }).onConflictDoNothing();
      const [counter] = await tx
        .update(certificateCounters)
        .set({ lastSequence: sql`${certificateCounters.lastSequence} + 1` })
        .where(eq(certificateCounters.year, year))
        .returning({ sequence: certificateCounters.lastSequence });
      if (!counter) throw new Error("certificate counter missing");
      const number = formatNumber(counter.sequence, year);
      const decisionId = check.requirements.find((r) => r.key === "mampu")?.sourceId ?? null;
      const [decision] = decisionId
        ? await tx
            .select({
              id: capabilityDecisions.id,
              decidedBy: capabilityDecisions.decidedBy,
              letterNumber: capabilityDecisions.letterNumber,
              letterDate: capabilityDecisions.letterDate,
            })
            .from(capabilityDecisions)
            .where(eq(capabilityDecisions.id, decisionId))
        : [];
      const code = verificationCode(randomInt);
      const content = {
        number,
        fullName: person.fullName,
        nip: person.nip,
        birthPlace: person.birthPlace,
        birthDate: person.birthDate,
        pangkat: pangkatLabel(person.golongan),
        qualifiedRole: certificateRoleLabel(input.role),
        assignedRole: certificateRoleLabel(input.role),
        place: settings["certificate.place"] || "Jakarta",
        issuedOn: input.issuedOn,
        signerName,
        signerNip,
        issuedAt: now,
        verification: { code, url: `${verifyBase}/${code}` },
        decision: decision ?? null,
      };
      const pdf = await certificatePdf(content);
      const [row] = await tx
        .insert(certificates)
        .values({
          number,
          year,
          sequence: counter.sequence,
          staffId: person.id,
          fullName: person.fullName,
          nip: person.nip,
          birthPlace: person.birthPlace,
          birthDate: person.birthDate,
          golongan: person.golongan,
          qualifiedRole: input.role,
          assignedRole: input.role,
          issuedOn: input.issuedOn,
          place: content.place,
          signerName,
          signerNip,
          pdf,
          pdfSha256: createHash("sha256").update(pdf).digest("hex"),
          issuedBy: actor.id,
          issuedAt: now,
          verificationCode: code,
          decisionId: decision?.id ?? null,
          decidedBy: decision?.decidedBy ?? null,
          decisionLetterNumber: decision?.letterNumber ?? null,
          decisionLetterDate: decision?.letterDate ?? null,
        })
        .returning({ id: certificates.id });
      if (!row) throw new Error("insert returned nothing");
      await recordAudit(tx, actor, {
        action: "issue",
        entity: "certificate",
        entityId: row.id,
        after: {
          number,
          staffId: person.id,
          role: input.role,
          issuedOn: input.issuedOn,
          evidence: check.requirements.map((r) => r.evidence),
        },
      });
      return { id: row.id, number };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new UserFacingError(
        `${person.fullName} baru saja diberi sertifikat ${certificateRoleLabel(input.role)} oleh pengguna lain.`,
        "staffId",
      );
    }
    throw error;
  }
}

export const revokeInput = z.object({
  reason: z
    .string({ error: "Tuliskan alasan pencabutan." })
    .trim()
    .min(10, { error: "Tuliskan alasan pencabutan (minimal 10 karakter)." })
    .max(2000),
});

export async function revokeCertificate(db: Database, actor: Actor & { id: number }, id: number, reason: string) {
  await db.transaction(async (tx) => {
    const [done] = await tx
      .update(certificates)
      .set({ revokedAt: new Date(), revokedBy: actor.id, revokeReason: reason })
      .where(and(eq(certificates.id, id), isNull(certificates.revokedAt)))
      .returning({ number: certificates.number });
    if (!done) throw new UserFacingError("Sertifikat ini tidak ditemukan atau sudah dicabut.");
    await recordAudit(tx, actor, {
      action: "revoke",
      entity: "certificate",
      entityId: id,
      after: { number: done.number, reason },
    });
  });
}

const listColumns = {
  id: certificates.id,
  number: certificates.number,
  year: certificates.year,
  staffId: certificates.staffId,
  fullName: certificates.fullName,
  nip: certificates.nip,
  qualifiedRole: certificates.qualifiedRole,
  issuedOn: certificates.issuedOn,
  revokedAt: certificates.revokedAt,
  revokeReason: certificates.revokeReason,
};

/** The certificates of the people `access` reaches (the holder's team is looked up in staff). */
const certificatesInScope = (access: Access) => inScope(access, { staffId: certificates.staffId });

/** The register: every certificate `access` reaches, newest number first. */
export function listCertificates(db: Database, access: Access, year?: number) {
  return db
    .select(listColumns)
    .from(certificates)
    .where(and(certificatesInScope(access), year ? eq(certificates.year, year) : undefined))
    .orderBy(desc(certificates.year), desc(certificates.sequence));
}

/** One certificate (without the PDF bytes), or null when it does not exist or lies outside `access`. */
export async function getCertificate(db: Database, id: number, access: Access) {
  if (!Number.isInteger(id)) return null;
  const [row] = await db
    .select({
      ...listColumns,
      birthPlace: certificates.birthPlace,
      birthDate: certificates.birthDate,
      golongan: certificates.golongan,
      assignedRole: certificates.assignedRole,
      place: certificates.place,
      signerName: certificates.signerName,
      signerNip: certificates.signerNip,
      pdfSha256: certificates.pdfSha256,
      issuedAt: certificates.issuedAt,
      verificationCode: certificates.verificationCode,
      decidedBy: certificates.decidedBy,
      decisionLetterNumber: certificates.decisionLetterNumber,
      decisionLetterDate: certificates.decisionLetterDate,
    })
    .from(certificates)
    .where(and(eq(certificates.id, id), certificatesInScope(access)));
  return row ?? null;
}

/** The stored PDF, exactly as issued; null when it does not exist or lies outside `access`. */
export async function certificateFile(db: Database, id: number, access: Access) {
  const [row] = await db
    .select({ number: certificates.number, pdf: certificates.pdf })
    .from(certificates)
    .where(and(eq(certificates.id, id), certificatesInScope(access)));
  return row ?? null;
}

/** The certificates in force per person and role, to show next to eligibility. */
export async function activeCertificates(db: Database) {
  const rows = await db
    .select({
      id: certificates.id,
      staffId: certificates.staffId,
      role: certificates.qualifiedRole,
      number: certificates.number,
    })
    .from(certificates)
    .where(isNull(certificates.revokedAt));
  return new Map(rows.map((r) => [`${r.staffId}|${r.role}`, r]));
}
