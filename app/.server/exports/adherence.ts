// The adherence page (/tenaga-kerja/kepatuhan) as a file: one row per agent of the period (and team, or agent)
// the page shows, within the viewer's read:workforce scope — the KPI workbook's "Kepatuhan Jadwal" sheet.
import { formatDay } from "../../../analytics/dates";
import { coveredRange, readAdherence } from "../adherence";
import { adherenceChoice } from "../adherence-page";
import { ADHERENCE_COLUMNS } from "../workbook/adherence";
import { cell } from "../workbook/cells";
import { type ListExport, table } from "./list-export";

export const adherenceExport: ListExport = {
  name: "kepatuhan",
  label: "Kepatuhan jadwal per petugas",
  permission: "read:workforce",
  formats: ["xlsx", "csv"],
  options: ["periode", "tim", "staf"],
  async prepare(ctx, params) {
    const choice = adherenceChoice(params, ctx.now);
    const range = coveredRange(choice.period, ctx.now);
    return {
      title: "Kepatuhan Jadwal per Petugas",
      fileStem: `Kepatuhan_${choice.period.id}`,
      filters: [
        ["Periode", cell.text(choice.period.label)],
        [
          "Hari yang dihitung",
          cell.text(range.from <= range.to ? `${formatDay(range.from)} – ${formatDay(range.to)}` : "belum ada"),
        ],
        ["Istirahat terjadwal per sif (menit)", cell.integer(Number(ctx.settings["workforce.breakAllowanceMinutes"]))],
      ],
      audit: { periode: choice.period.id, tim: choice.teamId, staf: choice.staffId },
      tables: [
        table("Kepatuhan Jadwal", ADHERENCE_COLUMNS, async () =>
          range.from > range.to
            ? []
            : readAdherence(ctx.db, ctx.settings, {
                ...range,
                access: ctx.access,
                teamId: choice.teamId,
                staffId: choice.staffId,
              }),
        ),
      ],
    };
  },
};
