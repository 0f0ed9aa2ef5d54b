// The eligibility list (/kelayakan) as a CSV file, with the columns of the page: who, for which certificate role,
// whether eligible, the evidence of each requirement and what is still missing.
import { certificateRoleLabel, type Eligibility } from "../../analytics/eligibility";
import { formatNip } from "../../analytics/nip";
import { type CsvValue, excelCsv } from "./excel-csv";

export type EligibilityCsvRow = Eligibility & { nip: string; fullName: string; teamName: string };

const HEADER = [
  "NIP",
  "Nama",
  "Tim",
  "Keahlian",
  "Memenuhi syarat",
  "Diklat teknis",
  "Soft skills",
  "Dianggap mampu",
  "Kekurangan",
];

/** 'kelayakan-sertifikat-2026-11-29.csv' for the list as it stood on that WIB day. */
export const eligibilityCsvName = (day: string) => `kelayakan-sertifikat-${day}.csv`;

function cells(r: EligibilityCsvRow): CsvValue[] {
  const [teknis, soft, mampu] = r.requirements;
  return [
    // Grouped as printed, so that Excel keeps all 18 digits instead of turning the NIP into 1.98E+17.
    formatNip(r.nip),
    r.fullName,
    r.teamName,
    certificateRoleLabel(r.role),
    r.eligible ? "ya" : "tidak",
    teknis?.evidence ?? "",
    soft?.evidence ?? "",
    mampu?.evidence ?? "",
    r.requirements
      .filter((q) => !q.met)
      .map((q) => q.missing)
      .join(" "),
  ];
}

export function eligibilityCsv(rows: readonly EligibilityCsvRow[]): string {
  return excelCsv([HEADER, ...rows.map(cells)]);
}
