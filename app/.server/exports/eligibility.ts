// The eligibility list (/kelayakan) as a file: the KPI workbook's "Pelatihan & Sertifikasi" sheet for the
// people the page lists with its filters (team, certificate role, status), judged on the day of the download,
// with the certificate each held that day.
import { eq } from "drizzle-orm";
import { wibDay } from "../../../analytics/dates";
import { certificateRoleLabel } from "../../../analytics/eligibility";
import { teams } from "../../../db/schema";
import { eligibilityFilterFrom } from "../certification";
import { cell } from "../workbook/cells";
import { CERTIFICATION_COLUMNS, CERTIFICATION_SHEET, certificationRows } from "../workbook/certification";
import { type ListExport, table } from "./list-export";

const STATUS_WORDS = {
  layak: "Memenuhi syarat",
  belum: "Belum memenuhi syarat",
  keputusan: 'Tinggal menunggu keputusan "mampu"',
} as const;
const CERTIFICATE_WORDS = { ada: "Sudah memegang", belum: "Belum memegang" } as const;

export const eligibilityExport: ListExport = {
  name: "kelayakan",
  label: "Daftar kelayakan sertifikasi",
  permission: "read:eligibility",
  formats: ["xlsx", "csv"],
  options: ["tim", "peran", "status", "sertifikat"],
  async prepare(ctx, params) {
    const filter = eligibilityFilterFrom(params);
    const day = wibDay(ctx.now);
    const [team] = filter.teamId
      ? await ctx.db.select({ name: teams.name }).from(teams).where(eq(teams.id, filter.teamId))
      : [];
    return {
      title: "Kelayakan Sertifikasi",
      fileStem: `Kelayakan_Sertifikat_${day}`,
      filters: [
        ["Kelayakan per", cell.date(day)],
        ["Tim", cell.text(team?.name ?? "Semua")],
        ["Keahlian", cell.text(filter.role ? certificateRoleLabel(filter.role) : "Sesuai jabatan")],
        ["Status", cell.text(filter.status ? STATUS_WORDS[filter.status] : "Semua")],
        ["Sertifikat berlaku", cell.text(filter.certificate ? CERTIFICATE_WORDS[filter.certificate] : "Semua")],
      ],
      audit: { ...filter, day },
      tables: [
        table(CERTIFICATION_SHEET, CERTIFICATION_COLUMNS, () => certificationRows(ctx.db, day, ctx.access, filter)),
      ],
    };
  },
};
