import { sql } from "drizzle-orm";
import {
  check,
  customType,
  date,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { staff } from "./organization";
import { capabilityDecisions } from "./training";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

// Sertifikat Keahlian (regulation E.3, Lampiran IV). The fields (1)–(8) are copied at issuance, and the PDF
// is stored as issued, so a later change to the staff record never changes an issued certificate.
export const certificates = pgTable(
  "certificates",
  {
    id: serial().primaryKey(),
    // (1) e.g. "001/SK-CC/2026": sequential per year, without gaps.
    number: text().notNull().unique(),
    year: integer().notNull(),
    sequence: integer().notNull(),
    staffId: integer()
      .notNull()
      .references(() => staff.id),
    fullName: text().notNull(),
    nip: text().notNull(),
    birthPlace: text().notNull(),
    birthDate: date({ mode: "string" }).notNull(),
    golongan: text().notNull(),
    // (6) the role the holder qualified for, (7) the role they may be assigned to.
    qualifiedRole: text().notNull(),
    assignedRole: text().notNull(),
    // (8) the date on the certificate.
    issuedOn: date({ mode: "string" }).notNull(),
    place: text().notNull(),
    signerName: text().notNull(),
    signerNip: text().notNull(),
    pdf: bytea().notNull(),
    pdfSha256: text().notNull(),
    issuedBy: integer()
      .notNull()
      .references(() => users.id),
    issuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp({ withTimezone: true }),
    revokedBy: integer().references(() => users.id),
    revokeReason: text(),
    // The short code printed with the QR code: /verifikasi/<code> answers, without sign-in, whether the
    // certificate is valid. Ten characters of an alphabet without look-alikes (analytics/verification-code.ts).
    verificationCode: text().notNull().unique(),
    // E.4 (c): the capability decision the certificate rests on, copied as it stood at issuance.
    decisionId: integer().references(() => capabilityDecisions.id),
    decidedBy: text(),
    decisionLetterNumber: text(),
    decisionLetterDate: date({ mode: "string" }),
  },
  (t) => [
    uniqueIndex("certificates_year_sequence").on(t.year, t.sequence),
    index("certificates_staff_idx").on(t.staffId),
    // One certificate in force per person and role; a revoked one may be followed by a new one.
    uniqueIndex("certificates_one_active").on(t.staffId, t.qualifiedRole).where(sql`${t.revokedAt} is null`),
    check(
      "certificates_roles",
      sql`${t.qualifiedRole} in ('supervisor', 'ketua_tim', 'petugas_layanan') and ${t.assignedRole} in ('supervisor', 'ketua_tim', 'petugas_layanan')`,
    ),
  ],
);

// The last number issued per year. Taking the next number is an UPDATE of this row inside the issuing
// transaction: concurrent issues queue on its lock, and a rolled-back issue gives its number back.
export const certificateCounters = pgTable("certificate_counters", {
  year: integer().primaryKey(),
  lastSequence: integer().notNull(),
});

export type Certificate = typeof certificates.$inferSelect;
