// The sheet "Pelatihan & Sertifikasi": each active staff member's eligibility for the certificate role of
// their position (each requirement met or what is missing) and the certificate of that role they held on the
// same day (KETUJUH).
import { certificateRoleLabel } from "../../../analytics/eligibility";
import { positionLabel } from "../../../analytics/organization";
import { type EligibilityFilter, eligibilityList } from "../certification";
import type { Database } from "../db";
import type { Access } from "../scope";
import { type Book, type Column, excelDay, TableSheet, yesNo } from "./cells";

type PersonRow = Awaited<ReturnType<typeof eligibilityList>>[number];

function requirement(key: string, header: string): Column<PersonRow>[] {
  const of = (p: PersonRow) => p.requirements.find((r) => r.key === key);
  return [
    { header, width: 14, kind: "text", value: (p) => (of(p)?.met ? "Terpenuhi" : "Belum") },
    {
      header: `${header} — Keterangan`,
      width: 50,
      kind: "wrap",
      value: (p) => of(p)?.evidence ?? of(p)?.missing ?? null,
    },
  ];
}

export const CERTIFICATION_SHEET = "Pelatihan & Sertifikasi";

export const CERTIFICATION_COLUMNS: readonly Column<PersonRow>[] = [
  { header: "NIP", width: 21, kind: "nip", value: (p) => p.nip },
  { header: "Nama", width: 30, kind: "text", value: (p) => p.fullName },
  { header: "Tim", width: 36, kind: "text", value: (p) => p.teamName },
  { header: "Jabatan", width: 26, kind: "text", value: (p) => positionLabel(p.position) },
  { header: "Keahlian", width: 16, kind: "text", value: (p) => certificateRoleLabel(p.role) },
  { header: "Memenuhi Syarat", width: 11, kind: "text", value: (p) => yesNo(p.eligible) },
  ...requirement("teknis", "Diklat Teknis"),
  ...requirement("soft_skills", "Soft Skills"),
  ...requirement("mampu", "Dianggap Mampu"),
  { header: "Nomor Sertifikat", width: 16, kind: "text", value: (p) => p.certificate?.number ?? null },
  { header: "Tanggal Sertifikat", width: 12, kind: "date", value: (p) => excelDay(p.certificate?.issuedOn ?? null) },
];

/** The people of the sheet: their eligibility on `day` within `access` and `filter`, and the certificate held then. */
export function certificationRows(
  db: Database,
  day: string,
  access: Access,
  filter: EligibilityFilter = {},
): Promise<PersonRow[]> {
  return eligibilityList(db, access, filter, day);
}

/** Writes "Pelatihan & Sertifikasi" of the KPI workbook; returns how many people it holds. */
export async function writeCertificationSheet(book: Book, db: Database, day: string, access: Access): Promise<number> {
  const table = new TableSheet(book, CERTIFICATION_SHEET, CERTIFICATION_COLUMNS);
  for (const row of await certificationRows(db, day, access)) table.add(row);
  return table.close();
}
