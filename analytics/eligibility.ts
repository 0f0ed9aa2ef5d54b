// Pure: who may receive a Sertifikat Keahlian (regulation E.4). For a person and a certificate role, each
// requirement is met or missing, with the evidence: (a) the technical information-service training,
// (b) the soft-skills communication training for the contact center, (c) judged capable ("dianggap mampu")
// by the Director PPKC. E.4 says "mengikuti" (attended): by the regulation any record of the course counts,
// passed or not, and never expires. A center may set stricter rules (settings `certification.*`): then a
// failed course does not count, and a course with a validity counts only until it expires.
import { addMonths, formatDay } from "./dates";

export const CERTIFICATE_ROLES = [
  { code: "supervisor", label: "Supervisor" },
  { code: "ketua_tim", label: "Ketua Tim" },
  { code: "petugas_layanan", label: "Petugas Layanan" },
] as const;
export type CertificateRole = (typeof CERTIFICATE_ROLES)[number]["code"];

export const certificateRoleLabel = (code: string) => CERTIFICATE_ROLES.find((r) => r.code === code)?.label ?? code;

export type TrainingEvidence = {
  id: number;
  courseCode: string;
  courseName: string;
  category: string;
  endDate: string;
  status: "lulus" | "tidak_lulus" | "selesai";
  validityMonths: number | null;
};

export type CapabilityEvidence = {
  id: number;
  role: string;
  letterNumber: string;
  letterDate: string;
  decidedBy: string;
  withdrawn: boolean;
};

export type Requirement = {
  key: "teknis" | "soft_skills" | "mampu";
  label: string;
  met: boolean;
  /** What satisfies it, in words, when met. */
  evidence: string | null;
  /** What is missing, in words a person can act on, when not met. */
  missing: string | null;
  /** The training record or decision that satisfies it. */
  sourceId: number | null;
};

export type Eligibility = { role: CertificateRole; eligible: boolean; requirements: Requirement[] };

export type EligibilityRules = {
  /** A record with status tidak_lulus still counts as attended (the regulation). */
  failedCounts: boolean;
  /** A course's validity (months) limits how long its record counts (a local policy). */
  validityExpires: boolean;
};

/** What E.4 itself says: attended counts, nothing expires. */
export const REGULATION_RULES: EligibilityRules = { failedCounts: true, validityExpires: false };

/** The decider named when no decision is recorded yet (E.4.c). */
export const DEFAULT_DECIDER = "Direktur PPKC";

/** Until when a completed training counts: its end date plus the course validity; null = without end. */
export function validUntil(t: TrainingEvidence): string | null {
  return t.validityMonths ? addMonths(t.endDate, t.validityMonths) : null;
}

function trainingRequirement(
  key: "teknis" | "soft_skills",
  category: string,
  label: string,
  trainings: readonly TrainingEvidence[],
  asOf: string,
  rules: EligibilityRules,
): Requirement {
  const relevant = trainings.filter((t) => t.category === category && t.endDate <= asOf);
  const counted = relevant.filter((t) => rules.failedCounts || t.status !== "tidak_lulus");
  const until = (t: TrainingEvidence) => (rules.validityExpires ? validUntil(t) : null);
  const newestFirst = (a: TrainingEvidence, b: TrainingEvidence) => b.endDate.localeCompare(a.endDate);
  const current = counted
    .filter((t) => {
      const end = until(t);
      return end === null || end > asOf;
    })
    .sort(newestFirst)[0];
  if (current) {
    const end = until(current);
    const status = current.status === "tidak_lulus" ? "diikuti (tidak lulus)" : current.status;
    return {
      key,
      label,
      met: true,
      evidence: `${current.courseCode} ${current.courseName}, ${status} ${formatDay(current.endDate)}${end ? ` (berlaku sampai ${formatDay(end)})` : ""}`,
      missing: null,
      sourceId: current.id,
    };
  }
  const expired = counted.sort(newestFirst)[0];
  const failed = relevant.find((t) => t.status === "tidak_lulus");
  const missing = expired
    ? `${expired.courseCode} selesai ${formatDay(expired.endDate)}, kedaluwarsa sejak ${formatDay(validUntil(expired) ?? "")} (kebijakan lokal); perlu mengikuti lagi.`
    : failed
      ? `${failed.courseCode} pada ${formatDay(failed.endDate)} tidak lulus; menurut kebijakan lokal perlu mengikuti lagi sampai lulus.`
      : `Belum ada catatan mengikuti ${label.charAt(0).toLowerCase()}${label.slice(1)}.`;
  return { key, label, met: false, evidence: null, missing, sourceId: null };
}

export function eligibility(input: {
  role: CertificateRole;
  trainings: readonly TrainingEvidence[];
  decisions: readonly CapabilityEvidence[];
  /** The WIB calendar day to judge on. */
  asOf: string;
  rules?: EligibilityRules;
}): Eligibility {
  const rules = input.rules ?? REGULATION_RULES;
  const decision = input.decisions
    .filter((d) => !d.withdrawn && d.role === input.role && d.letterDate <= input.asOf)
    .sort((a, b) => b.letterDate.localeCompare(a.letterDate))[0];
  const roleLabel = certificateRoleLabel(input.role);
  const requirements: Requirement[] = [
    trainingRequirement(
      "teknis",
      "teknis_layanan_informasi",
      "Diklat teknis layanan informasi",
      input.trainings,
      input.asOf,
      rules,
    ),
    trainingRequirement(
      "soft_skills",
      "soft_skills_komunikasi",
      "Pelatihan soft skills komunikasi contact center",
      input.trainings,
      input.asOf,
      rules,
    ),
    decision
      ? {
          key: "mampu",
          label: `Dianggap mampu oleh ${decision.decidedBy}`,
          met: true,
          evidence: `surat Nomor ${decision.letterNumber} tanggal ${formatDay(decision.letterDate)}`,
          missing: null,
          sourceId: decision.id,
        }
      : {
          key: "mampu",
          label: `Dianggap mampu oleh ${DEFAULT_DECIDER}`,
          met: false,
          evidence: null,
          missing: `Belum ada keputusan "dianggap mampu" sebagai ${roleLabel} yang berlaku.`,
          sourceId: null,
        },
  ];
  return { role: input.role, eligible: requirements.every((r) => r.met), requirements };
}
