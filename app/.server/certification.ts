// Capability decisions ("dianggap mampu", E.4.c) and certificate eligibility per person.
import { and, asc, desc, eq, inArray, isNull, type SQLWrapper } from "drizzle-orm";
import { z } from "zod";
import { type CertificateSpan, certificateRoleFor, certificatesHeld } from "../../analytics/certified-staff";
import { parseFormDate, wibDay } from "../../analytics/dates";
import {
  type CapabilityEvidence,
  CERTIFICATE_ROLES,
  type CertificateRole,
  type Eligibility,
  type EligibilityRules,
  eligibility,
  type TrainingEvidence,
} from "../../analytics/eligibility";
import {
  capabilityDecisions,
  certificates,
  staff,
  teams,
  trainingCourses,
  trainingRecords,
  users,
} from "../../db/schema";
import { type Actor, recordAudit } from "./audit";
import type { Database } from "./db";
import { UserFacingError } from "./errors";
import { type Access, staffInScope } from "./scope";
import { getSettings, type Settings } from "./settings";
import { trainingOf } from "./training";

const ROLE_CODES = CERTIFICATE_ROLES.map((r) => r.code) as [CertificateRole, ...CertificateRole[]];

/** The certificate role that matches a contact-center position (analytics/certified-staff.ts). */
export const roleForPosition = certificateRoleFor;

export const decisionInput = z.object({
  role: z.enum(ROLE_CODES, { error: "Pilih keahlian yang dinilai mampu." }),
  decidedBy: z
    .string({ error: "Isi siapa yang memutuskan." })
    .trim()
    .min(3, { error: "Isi nama/jabatan yang memutuskan, misalnya Direktur PPKC." })
    .max(120),
  letterNumber: z
    .string({ error: "Isi nomor surat keputusan." })
    .trim()
    .min(3, { error: "Isi nomor surat keputusan." })
    .max(100),
  letterDate: z.string({ error: "Isi tanggal surat." }).transform((value, ctx) => {
    const day = parseFormDate(value);
    if (!day) {
      ctx.addIssue({ code: "custom", message: "Tanggal surat tidak valid. Gunakan HH/BB/TTTT, tahun 1900–2199." });
      return z.NEVER;
    }
    if (day > wibDay(new Date())) {
      ctx.addIssue({ code: "custom", message: "Tanggal surat tidak boleh di masa depan." });
      return z.NEVER;
    }
    return day;
  }),
  basis: z
    .string({ error: "Tuliskan dasar keputusan." })
    .trim()
    .min(10, { error: "Tuliskan dasar keputusan (minimal 10 karakter), misalnya KPI tiga periode terakhir." })
    .max(4000),
});

export async function recordDecision(
  db: Database,
  actor: Actor & { id: number },
  staffId: number,
  input: z.output<typeof decisionInput>,
) {
  return db.transaction(async (tx) => {
    const [person] = await tx.select().from(staff).where(eq(staff.id, staffId));
    if (!person) throw new UserFacingError("Staf tidak ditemukan.");
    const [row] = await tx
      .insert(capabilityDecisions)
      .values({ ...input, staffId, recordedBy: actor.id })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    await recordAudit(tx, actor, { action: "create", entity: "capability_decision", entityId: row.id, after: row });
    return row.id;
  });
}

export const withdrawInput = z.object({
  decisionId: z.coerce.number().int().positive(),
  reason: z
    .string({ error: "Tuliskan alasan pencabutan." })
    .trim()
    .min(10, { error: "Tuliskan alasan pencabutan (minimal 10 karakter)." })
    .max(2000),
});

export async function withdrawDecision(
  db: Database,
  actor: Actor & { id: number },
  staffId: number,
  input: z.output<typeof withdrawInput>,
) {
  await db.transaction(async (tx) => {
    const [done] = await tx
      .update(capabilityDecisions)
      .set({ withdrawnAt: new Date(), withdrawnBy: actor.id, withdrawReason: input.reason })
      .where(
        and(
          eq(capabilityDecisions.id, input.decisionId),
          eq(capabilityDecisions.staffId, staffId),
          isNull(capabilityDecisions.withdrawnAt),
        ),
      )
      .returning({ id: capabilityDecisions.id });
    if (!done) throw new UserFacingError("Keputusan ini tidak ditemukan atau sudah dicabut.");
    await recordAudit(tx, actor, {
      action: "withdraw",
      entity: "capability_decision",
      entityId: input.decisionId,
      after: { reason: input.reason },
    });
  });
}

export function decisionsOf(db: Database, staffId: number) {
  return db
    .select({ decision: capabilityDecisions, recordedByName: users.displayName })
    .from(capabilityDecisions)
    .innerJoin(users, eq(users.id, capabilityDecisions.recordedBy))
    .where(eq(capabilityDecisions.staffId, staffId))
    .orderBy(desc(capabilityDecisions.letterDate));
}

/** The E.4 rules in force: the regulation's unless the settings hold a local policy. */
export function eligibilityRules(settings: Settings): EligibilityRules {
  return {
    failedCounts: settings["certification.failedCounts"],
    validityExpires: settings["certification.validityExpires"],
  };
}

/** The local policy in words when the rules differ from the regulation; null when they follow it. */
export function localPolicyOf(settings: Settings): string | null {
  const rules = eligibilityRules(settings);
  if (rules.failedCounts && !rules.validityExpires) return null;
  const parts = [
    rules.failedCounts ? null : "diklat yang tidak lulus tidak dihitung",
    rules.validityExpires ? "masa berlaku kursus membatasi syarat" : null,
  ].filter(Boolean);
  const basis = settings["certification.localPolicy"].trim();
  return `Kebijakan lokal: ${parts.join("; ")}${basis ? ` (${basis})` : ""}.`;
}

/**
 * Training and decision evidence of many people at once (two queries, however many people), with the rules
 * in force read from the settings in the same database (or transaction).
 */
async function evidenceFor(db: Database, staffIds: number[] | SQLWrapper) {
  const trainings = new Map<number, TrainingEvidence[]>();
  const decisions = new Map<number, CapabilityEvidence[]>();
  const rules = eligibilityRules(await getSettings(db));
  if (Array.isArray(staffIds) && staffIds.length === 0) return { trainings, decisions, rules };
  const records = await db
    .select({
      id: trainingRecords.id,
      staffId: trainingRecords.staffId,
      courseCode: trainingCourses.code,
      courseName: trainingCourses.name,
      category: trainingCourses.category,
      endDate: trainingRecords.endDate,
      status: trainingRecords.status,
      validityMonths: trainingCourses.validityMonths,
    })
    .from(trainingRecords)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingRecords.courseId))
    .where(inArray(trainingRecords.staffId, staffIds));
  for (const r of records) {
    const list = trainings.get(r.staffId) ?? [];
    list.push({ ...r, status: r.status as TrainingEvidence["status"] });
    trainings.set(r.staffId, list);
  }
  const rows = await db.select().from(capabilityDecisions).where(inArray(capabilityDecisions.staffId, staffIds));
  for (const d of rows) {
    const list = decisions.get(d.staffId) ?? [];
    list.push({
      id: d.id,
      role: d.role,
      letterNumber: d.letterNumber,
      letterDate: d.letterDate,
      decidedBy: d.decidedBy,
      withdrawn: d.withdrawnAt !== null,
    });
    decisions.set(d.staffId, list);
  }
  return { trainings, decisions, rules };
}

export async function eligibilityOf(
  db: Database,
  staffId: number,
  role: CertificateRole,
  asOf: string,
): Promise<Eligibility> {
  const { trainings, decisions, rules } = await evidenceFor(db, [staffId]);
  return eligibility({
    role,
    trainings: trainings.get(staffId) ?? [],
    decisions: decisions.get(staffId) ?? [],
    asOf,
    rules,
  });
}

export type EligibilityFilter = {
  teamId?: number;
  role?: CertificateRole;
  /** layak: eligible; belum: not; keputusan: both trainings met, waiting only for the capability decision. */
  status?: "layak" | "belum" | "keputusan";
  /** KETUJUH: whether the person holds the certificate of their position's role on the day. */
  certificate?: "ada" | "belum";
};

/** Every certificate's span, for what was in force on a day (analytics/certified-staff.ts). */
export function certificateSpans(db: Database, staffIds?: number[] | SQLWrapper): Promise<CertificateSpan[]> {
  return db
    .select({
      id: certificates.id,
      staffId: certificates.staffId,
      role: certificates.qualifiedRole,
      number: certificates.number,
      issuedOn: certificates.issuedOn,
      revokedAt: certificates.revokedAt,
    })
    .from(certificates)
    .where(staffIds ? inArray(certificates.staffId, staffIds) : undefined);
}

/**
 * Every active staff member `access` reaches (KETUJUH: every official of the three teams), with their
 * eligibility for the chosen role and the certificate of their position's role in force on `asOf`.
 */
export async function eligibilityList(db: Database, access: Access, filter: EligibilityFilter, asOf: string) {
  const chosen = and(
    eq(staff.active, true),
    filter.teamId ? eq(staff.teamId, filter.teamId) : undefined,
    staffInScope(access),
  );
  // The evidence of the same people, chosen by the same condition in SQL: a thousand ids are not sent three times.
  const who = db.select({ id: staff.id }).from(staff).where(chosen);
  const [people, { trainings, decisions, rules }, spans] = await Promise.all([
    db
      .select({
        id: staff.id,
        nip: staff.nip,
        fullName: staff.fullName,
        position: staff.position,
        teamId: staff.teamId,
        teamName: teams.name,
      })
      .from(staff)
      .innerJoin(teams, eq(teams.id, staff.teamId))
      .where(chosen)
      .orderBy(asc(teams.id), asc(staff.fullName)),
    evidenceFor(db, who),
    certificateSpans(db, who),
  ]);
  // The certificate of the role asked (by default the position's, as KETUJUH requires) in force on the day.
  const roleOf = (p: { position: string }) => filter.role ?? roleForPosition(p.position);
  const held = certificatesHeld(
    people.map((p) => ({ staffId: p.id, role: roleOf(p) })),
    spans,
    asOf,
  );
  return people
    .map((p) => {
      const role = roleOf(p);
      const certificate = held.get(p.id);
      return {
        ...p,
        certificate: certificate
          ? { id: certificate.id, number: certificate.number, issuedOn: certificate.issuedOn }
          : null,
        ...eligibility({
          role,
          trainings: trainings.get(p.id) ?? [],
          decisions: decisions.get(p.id) ?? [],
          asOf,
          rules,
        }),
      };
    })
    .filter((p) =>
      filter.status === "keputusan"
        ? !p.eligible && p.requirements.every((r) => r.met || r.key === "mampu")
        : !filter.status || (filter.status === "layak") === p.eligible,
    )
    .filter((p) => !filter.certificate || (filter.certificate === "ada") === (p.certificate !== null));
}

export const eligibilityFilterInput = z.object({
  tim: z.coerce.number().int().positive().optional().catch(undefined),
  peran: z.enum(ROLE_CODES).optional().catch(undefined),
  status: z.enum(["layak", "belum", "keputusan"]).optional().catch(undefined),
  sertifikat: z.enum(["ada", "belum"]).optional().catch(undefined),
});

/** The filter from a query string (team, role, status: nothing personal, so they may sit in the URL). */
export function eligibilityFilterFrom(params: URLSearchParams): EligibilityFilter {
  const parsed = eligibilityFilterInput.parse(Object.fromEntries(params));
  return { teamId: parsed.tim, role: parsed.peran, status: parsed.status, certificate: parsed.sertifikat };
}

/**
 * Everything the staff page and the profile show about a person's certification: training records,
 * eligibility for the role of their position, capability decisions and certificates.
 */
export async function certificationOf(db: Database, staffId: number, position: string, asOf: string) {
  const role = roleForPosition(position);
  const [trainings, decisions, check, held] = await Promise.all([
    trainingOf(db, staffId),
    decisionsOf(db, staffId),
    eligibilityOf(db, staffId, role, asOf),
    db
      .select({
        id: certificates.id,
        number: certificates.number,
        role: certificates.qualifiedRole,
        issuedOn: certificates.issuedOn,
        revokedAt: certificates.revokedAt,
      })
      .from(certificates)
      .where(eq(certificates.staffId, staffId))
      .orderBy(desc(certificates.issuedOn)),
  ]);
  return { role, trainings, decisions, eligibility: check, certificates: held };
}
