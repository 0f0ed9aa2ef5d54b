// The coaching list (/pembinaan) as a file: the page's sessions under its status filter, one row per agreed
// action — the KPI workbook's "Pembinaan" sheet, for whatever the viewer reaches (everyone, their team, their own).

import { COACHING_STATUS_CHOICES, coachingStatusFrom } from "../../../analytics/coaching";
import { wibDay } from "../../../analytics/dates";
import { statusFilter } from "../coaching";
import { cell } from "../workbook/cells";
import { COACHING_COLUMNS, coachingActionRows } from "../workbook/coaching";
import { type ListExport, table } from "./list-export";

export const coachingExport: ListExport = {
  name: "pembinaan",
  label: "Daftar pembinaan",
  permission: "read:coaching",
  formats: ["xlsx", "csv"],
  options: ["status"],
  async prepare(ctx, params) {
    const status = coachingStatusFrom(params);
    const day = wibDay(ctx.now);
    return {
      title: "Daftar Pembinaan",
      fileStem: `Pembinaan_${day}`,
      filters: [
        ["Per tanggal", cell.date(day)],
        ["Status", cell.text(COACHING_STATUS_CHOICES.find((c) => c.value === status)?.label ?? status)],
      ],
      audit: { status, day },
      tables: [
        table("Pembinaan", COACHING_COLUMNS, () =>
          coachingActionRows(ctx.db, ctx.access, { status: statusFilter(status) }, day),
        ),
      ],
    };
  },
};
