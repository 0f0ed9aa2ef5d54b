// The eligibility list (/kelayakan) as a workbook, with the page's filters: "Ringkasan" says the day it was
// judged on, the filters, whom it covers, and who made it when; "Pelatihan & Sertifikasi" is the KPI workbook's
// sheet of the same name, limited to the people the user may see and the filters chosen.
import { eq } from "drizzle-orm";
import { certificateRoleLabel } from "../../analytics/eligibility";
import { teams } from "../../db/schema";
import type { EligibilityFilter } from "./certification";
import type { Database } from "./db";
import type { Access } from "./scope";
import { cell } from "./workbook/cells";
import { writeCertificationSheet } from "./workbook/certification";
import { madeRows, openSummarySheet, type WorkbookOptions, workbookScope, writeWorkbook } from "./workbook/shell";

/** 'kelayakan-sertifikat-2026-11-29.xlsx' for the list as it stood on that WIB day. */
export const eligibilityWorkbookName = (day: string) => `kelayakan-sertifikat-${day}.xlsx`;

export type EligibilityWorkbookOptions = WorkbookOptions & {
  access: Access;
  filter: EligibilityFilter;
  /** The WIB day eligibility is judged on. */
  day: string;
};

const STATUS_WORDS = { layak: "Memenuhi syarat", belum: "Belum memenuhi syarat" } as const;

/** Writes the workbook to `options.output`; returns how many people it lists. */
export async function writeEligibilityWorkbook(db: Database, options: EligibilityWorkbookOptions): Promise<number> {
  const { access, filter, day } = options;
  const now = options.now ?? new Date();
  const scope = await workbookScope(db, access);
  const scopeLabel = scope?.label ?? "Data Anda sendiri";
  const [team] = filter.teamId
    ? await db.select({ name: teams.name }).from(teams).where(eq(teams.id, filter.teamId))
    : [];
  return writeWorkbook(options.output, { now }, async (book) => {
    const sheet = openSummarySheet(book, {
      title: "Kelayakan Sertifikasi — Contact Center Bravo Bea Cukai 1500225",
      widths: [30, 40],
      headerRow: 1,
      rows: [
        ["Kelayakan per", cell.date(day)],
        ["Cakupan", cell.text(scopeLabel)],
        ["Tim", cell.text(team?.name ?? "Semua")],
        ["Keahlian", cell.text(filter.role ? certificateRoleLabel(filter.role) : "Semua")],
        ["Status", cell.text(filter.status ? STATUS_WORDS[filter.status] : "Semua")],
        ...madeRows(now, options.actor),
      ],
    });
    sheet.commit();
    return writeCertificationSheet(book, db, day, access, filter);
  });
}
