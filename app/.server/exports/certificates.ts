// The certificate register (/sertifikat) as a file: the certificates the page lists (the Kepala Seksi and HR
// every one, a supervisor their team's, an agent their own), newest number first, revoked ones included — a
// certificate is revoked, never deleted. `tahun` narrows it to one year's numbers (the command line's
// --tahun); the page itself lists every year.
import { eq, inArray } from "drizzle-orm";
import { certificateRoleLabel } from "../../../analytics/eligibility";
import { certificates, staff, teams } from "../../../db/schema";
import { listCertificates } from "../certificates";
import type { Database } from "../db";
import { UserFacingError } from "../errors";
import { type Column, cell, excelDay, excelWib } from "../workbook/cells";
import { type ListExport, table } from "./list-export";

type Row = Awaited<ReturnType<typeof listCertificates>>[number] & { teamName: string; signerName: string };

const COLUMNS: readonly Column<Row>[] = [
  { header: "Nomor", width: 16, kind: "text", value: (c) => c.number },
  { header: "NIP", width: 21, kind: "nip", value: (c) => c.nip },
  { header: "Nama", width: 30, kind: "text", value: (c) => c.fullName },
  { header: "Tim", width: 36, kind: "text", value: (c) => c.teamName },
  { header: "Keahlian", width: 30, kind: "text", value: (c) => certificateRoleLabel(c.qualifiedRole) },
  { header: "Tanggal Terbit", width: 12, kind: "date", value: (c) => excelDay(c.issuedOn) },
  { header: "Penandatangan", width: 30, kind: "text", value: (c) => c.signerName },
  { header: "Status", width: 10, kind: "text", value: (c) => (c.revokedAt ? "Dicabut" : "Berlaku") },
  { header: "Dicabut (WIB)", width: 17, kind: "datetime", value: (c) => excelWib(c.revokedAt) },
  { header: "Alasan Pencabutan", width: 40, kind: "wrap", value: (c) => c.revokeReason },
];

/** The year of `?tahun=` (null: every year); a value that is not a year is refused. */
function yearFrom(params: URLSearchParams): number | null {
  const text = params.get("tahun")?.trim();
  if (!text) return null;
  if (!/^\d{4}$/.test(text)) {
    throw new UserFacingError(`Tahun "${text}" tidak dapat dipakai. Tulis tahun dengan empat angka, misalnya 2026.`);
  }
  return Number(text);
}

/** The register's rows with the holder's present team and the signer, in the page's order. */
async function registerRows(db: Database, listed: Awaited<ReturnType<typeof listCertificates>>): Promise<Row[]> {
  if (listed.length === 0) return [];
  const details = await db
    .select({ id: certificates.id, signerName: certificates.signerName, teamName: teams.name })
    .from(certificates)
    .innerJoin(staff, eq(staff.id, certificates.staffId))
    .innerJoin(teams, eq(teams.id, staff.teamId))
    .where(
      inArray(
        certificates.id,
        listed.map((c) => c.id),
      ),
    );
  const byId = new Map(details.map((d) => [d.id, d]));
  return listed.map((c) => ({
    ...c,
    teamName: byId.get(c.id)?.teamName ?? "",
    signerName: byId.get(c.id)?.signerName ?? "",
  }));
}

export const certificatesExport: ListExport = {
  name: "sertifikat",
  label: "Register sertifikat",
  permission: "read:certificate",
  formats: ["xlsx", "csv"],
  options: ["tahun"],
  async prepare(ctx, params) {
    const year = yearFrom(params);
    // The page's own query, so the file lists exactly the certificates the page does.
    const listed = await listCertificates(ctx.db, ctx.access, year ?? undefined);
    const own = ctx.access.scope === "own";
    return {
      title: own ? "Sertifikat Saya" : "Register Sertifikat Keahlian",
      fileStem: `Register_Sertifikat${year ? `_${year}` : ""}`,
      filters: [
        ["Tahun", cell.text(year ? String(year) : "Semua tahun")],
        ["Sertifikat", cell.text("Berlaku dan dicabut")],
        ["Berlaku", cell.integer(listed.filter((c) => !c.revokedAt).length)],
        ["Dicabut", cell.integer(listed.filter((c) => c.revokedAt).length)],
      ],
      audit: { year: year ?? "semua" },
      tables: [table("Register Sertifikat", COLUMNS, () => registerRows(ctx.db, listed))],
    };
  },
};
