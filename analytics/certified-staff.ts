// Pure: KETUJUH of KEP-165/BC/2014 — every official doing contact-center work must hold a Sertifikat Keahlian.
// A position maps to the certificate role it needs ("dan setara": a Penilai does a Petugas Layanan's work and is
// certified as one); an official counts as certified on a day when a certificate for that role, issued by that
// day, had not been revoked by its end.
import { parseCalendarDay, WIB_OFFSET_MS } from "./dates";
import type { CertificateRole } from "./eligibility";

/** The certificate role a contact-center position needs. */
export function certificateRoleFor(position: string): CertificateRole {
  if (position === "koordinator_tim_kerja") return "supervisor";
  if (position === "ketua_tim") return "ketua_tim";
  return "petugas_layanan"; // petugas_layanan, and penilai as its equivalent
}

export type CertificateSpan = {
  id: number;
  staffId: number;
  role: string;
  number: string;
  issuedOn: string;
  revokedAt: Date | null;
};

/** The instant a WIB calendar day ends (the next day's 00:00 WIB). */
export function endOfWibDay(day: string): Date {
  const d = parseCalendarDay(day);
  if (!d) throw new Error(`not a day: ${day}`);
  return new Date(Date.UTC(d.year, d.month - 1, d.day + 1) - WIB_OFFSET_MS);
}

/** Whether the certificate was in force at the end of `day` (issued by then, not revoked before then). */
export function inForce(span: CertificateSpan, day: string, end = endOfWibDay(day)): boolean {
  return span.issuedOn <= day && (span.revokedAt === null || span.revokedAt.getTime() >= end.getTime());
}

/** Per person, the newest certificate in force on `day` for the role given, or else that of their position. */
export function certificatesHeld(
  officials: readonly ({ staffId: number } & ({ position: string } | { role: CertificateRole }))[],
  spans: readonly CertificateSpan[],
  day: string,
): Map<number, CertificateSpan> {
  const end = endOfWibDay(day);
  const roleOf = new Map(
    officials.map((o) => [o.staffId, "role" in o ? o.role : certificateRoleFor(o.position)] as const),
  );
  const held = new Map<number, CertificateSpan>();
  for (const span of spans) {
    if (roleOf.get(span.staffId) !== span.role || !inForce(span, day, end)) continue;
    const before = held.get(span.staffId);
    if (!before || span.issuedOn > before.issuedOn || (span.issuedOn === before.issuedOn && span.id > before.id)) {
      held.set(span.staffId, span);
    }
  }
  return held;
}

export type CertifiedCount = { officials: number; certified: number; share: number | null };

/** How many of the officials held the certificate of their position on `day`, in all and per team. */
export function certifiedStaff(
  officials: readonly { staffId: number; position: string; teamId: number }[],
  spans: readonly CertificateSpan[],
  day: string,
): { all: CertifiedCount; byTeam: Map<number, CertifiedCount>; held: Map<number, CertificateSpan> } {
  const held = certificatesHeld(officials, spans, day);
  const count = (group: readonly { staffId: number }[]): CertifiedCount => {
    const certified = group.filter((o) => held.has(o.staffId)).length;
    return { officials: group.length, certified, share: group.length === 0 ? null : certified / group.length };
  };
  const teamIds = [...new Set(officials.map((o) => o.teamId))];
  return {
    all: count(officials),
    byTeam: new Map(teamIds.map((t) => [t, count(officials.filter((o) => o.teamId === t))])),
    held,
  };
}
