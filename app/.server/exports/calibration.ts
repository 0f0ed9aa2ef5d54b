// The calibration page (/kalibrasi) as a file: every session the user may see (all of them for the QA
// coordinator and the Kepala Seksi, those they take part in for an assessor), one row per participant with
// the results once the session is closed, and each assessor's deviation from the consensus per closed session
// (everyone's, or the assessor's own, as the page shows). The page has no filters.
import { wibDay } from "../../../analytics/dates";
import { periodShortLabel } from "../../../analytics/period";
import { assessorDrift, listSessions } from "../calibration";
import { CALIBRATION_COLUMNS, calibrationRows, type ParticipantRow } from "../workbook/calibration";
import { type Column, cell } from "../workbook/cells";
import { type ListExport, table } from "./list-export";

type DriftRow = Awaited<ReturnType<typeof assessorDrift>>[number];

// The KPI workbook's sheet covers one period; this list covers all of them, so it says which.
const PERIOD: Column<ParticipantRow> = {
  header: "Periode",
  width: 10,
  kind: "text",
  value: (r) => r.periodId,
};
const [SESSION_ID, ...SESSION_REST] = CALIBRATION_COLUMNS;
const SESSION_COLUMNS: readonly Column<ParticipantRow>[] = SESSION_ID
  ? [SESSION_ID, PERIOD, ...SESSION_REST]
  : CALIBRATION_COLUMNS;

const DRIFT_COLUMNS: readonly Column<DriftRow>[] = [
  { header: "Penilai", width: 26, kind: "text", value: (d) => d.name },
  { header: "ID Sesi", width: 8, kind: "integer", value: (d) => d.sessionId },
  { header: "Sesi", width: 36, kind: "text", value: (d) => d.title },
  { header: "Periode", width: 10, kind: "text", value: (d) => d.periodId },
  { header: "Deviasi Rata-rata per Butir (poin)", width: 14, kind: "score", value: (d) => d.meanDeviation },
  { header: "Selisih Nilai Total (poin)", width: 13, kind: "score", value: (d) => d.totalDeviation },
];

export const calibrationExport: ListExport = {
  name: "kalibrasi",
  label: "Hasil kalibrasi",
  permission: "read:calibration",
  formats: ["xlsx", "csv"],
  options: [],
  async prepare(ctx) {
    const threshold = ctx.settings["calibration.spreadThreshold"];
    const day = wibDay(ctx.now);
    const all = ctx.access.scope === "any";
    // The page's sessions, newest first; listSessions applies the assessor's "own" scope.
    const sessions = await listSessions(ctx.db, ctx.access);
    const periods = sessions.map((s) => s.periodId).sort();
    const [first, last] = [periods[0], periods.at(-1)];
    return {
      title: "Hasil Kalibrasi",
      fileStem: `Kalibrasi_${day}`,
      filters: [
        ["Keadaan per", cell.date(day)],
        ["Sesi", cell.text(all ? "Semua sesi kalibrasi" : "Sesi yang Anda ikuti")],
        ["Periode sesi", cell.text(first && last ? `${periodShortLabel(first)} – ${periodShortLabel(last)}` : "—")],
        ["Deviasi", cell.text(all ? "Semua penilai" : "Deviasi Anda sendiri")],
        ["Butir ditandai bila sebaran lebih dari", cell.text(`${threshold} poin`)],
      ],
      audit: { day },
      tables: [
        table("Sesi Kalibrasi", SESSION_COLUMNS, () =>
          calibrationRows(
            ctx.db,
            sessions.map((s) => s.id),
            ctx.access,
            threshold,
          ),
        ),
        table("Deviasi Penilai", DRIFT_COLUMNS, () => assessorDrift(ctx.db, ctx.access, threshold)),
      ],
    };
  },
};
