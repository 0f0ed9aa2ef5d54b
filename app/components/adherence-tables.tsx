// The tables of schedule adherence: per team, per agent, per day and per shift (the workforce page and the period
// review). Minutes are rounded for reading; the percentages come from the exact minutes.
import { Link } from "@remix-run/react";
import type { AdherenceFigures, Rates } from "../../analytics/adherence";
import { formatDay } from "../../analytics/dates";
import { formatShift } from "../../analytics/workforce-time";

type Figures = AdherenceFigures & Rates;

export const percentText = (rate: number | null) =>
  rate === null
    ? "—"
    : `${(100 * rate).toLocaleString("id-ID", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
const minutesText = (value: number) => Math.round(value).toLocaleString("id-ID");
/** "2 sif, 27 mnt" (the minutes of all of them), or "—" when it never happened. */
const times = (count: number, minutes: number) => (count === 0 ? "—" : `${count} sif, ${minutesText(minutes)} mnt`);

const HEADERS = [
  "Sif",
  "Terjadwal (jam)",
  "Kepatuhan",
  "Kesesuaian",
  "Terlambat",
  "Pulang awal",
  "Tidak hadir",
  "Istirahat lebih (mnt)",
];

function FigureCells({ f }: { f: Figures }) {
  const cells: [string, string][] = [
    ["Sif", f.shiftsWithoutData > 0 ? `${f.shifts} (+${f.shiftsWithoutData} tanpa data)` : String(f.shifts)],
    ["Terjadwal (jam)", (f.rosteredMinutes / 60).toLocaleString("id-ID", { maximumFractionDigits: 1 })],
    ["Kepatuhan", percentText(f.adherence)],
    ["Kesesuaian", percentText(f.conformance)],
    ["Terlambat", times(f.lateShifts, f.lateMinutes)],
    ["Pulang awal", times(f.earlyShifts, f.earlyMinutes)],
    ["Tidak hadir", f.absentShifts === 0 ? "—" : `${f.absentShifts} sif`],
    ["Istirahat lebih (mnt)", f.unscheduledBreakMinutes > 0 ? minutesText(f.unscheduledBreakMinutes) : "—"],
  ];
  return (
    <>
      {cells.map(([label, value]) => (
        <td className="num" data-label={label} key={label}>
          {value}
        </td>
      ))}
    </>
  );
}

function Head({ first }: { first: string }) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        {HEADERS.map((h) => (
          <th scope="col" className="num" key={h}>
            {h}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** Rows of figures, each headed by a label (a team, an agent with a link, a day). */
export function AdherenceTable({
  caption,
  first,
  rows,
}: {
  caption: string;
  first: string;
  rows: { key: string; label: string; to?: string; figures: Figures }[];
}) {
  return (
    <div className="table-wrap">
      <table className="kpi-table compact stack-table adherence-table">
        <caption>{caption}</caption>
        <Head first={first} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.to ? <Link to={r.to}>{r.label}</Link> : r.label}</th>
              <FigureCells f={r.figures} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type ShiftRow = Figures & { shift: { startsAt: number; endsAt: number; channel: string }; hasData: boolean };

/** One agent's shifts: what happened in each. */
export function ShiftAdherenceTable({ caption, shifts }: { caption: string; shifts: readonly ShiftRow[] }) {
  return (
    <div className="table-wrap">
      <table className="kpi-table compact stack-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Sif</th>
            <th scope="col" className="num">
              Kepatuhan
            </th>
            <th scope="col">Catatan</th>
          </tr>
        </thead>
        <tbody>
          {shifts.map((s) => (
            <tr key={s.shift.startsAt}>
              <th scope="row">{formatShift(new Date(s.shift.startsAt), new Date(s.shift.endsAt))}</th>
              <td className="num" data-label="Kepatuhan">
                {percentText(s.adherence)}
              </td>
              <td data-label="Catatan">{shiftNote(s)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What a shift's figures say in words: "Terlambat 15 menit; pulang 30 menit lebih awal". */
export function shiftNote(s: ShiftRow): string {
  if (!s.hasData) return "Belum ada data status agen untuk hari ini.";
  if (s.absentShifts > 0) return "Tidak hadir: tidak login sama sekali selama sif.";
  const notes = [
    s.lateMinutes > 0 ? `terlambat ${minutesText(s.lateMinutes)} menit` : "",
    s.earlyMinutes > 0 ? `pulang ${minutesText(s.earlyMinutes)} menit lebih awal` : "",
    s.unscheduledBreakMinutes > 0 ? `istirahat ${minutesText(s.unscheduledBreakMinutes)} menit lebih dari jatah` : "",
    s.rosteredMinutes - s.loggedInRosteredMinutes - s.lateMinutes - s.earlyMinutes > 0.5
      ? `logout ${minutesText(s.rosteredMinutes - s.loggedInRosteredMinutes - s.lateMinutes - s.earlyMinutes)} menit di tengah sif`
      : "",
  ].filter(Boolean);
  if (notes.length === 0) return "Sesuai jadwal.";
  const text = notes.join("; ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

export const dayLabel = (day: string) => formatDay(day);

type Evidence = {
  total: Figures;
  shifts: readonly ShiftRow[];
  range: { from: string; to: string };
  breakAllowance: number;
};

/**
 * The period review's evidence beside the kedisiplinan items: the agent's adherence over the period's finished
 * days and the shifts that were not kept, in words. The assessor still gives the scores.
 */
export function AdherenceEvidence({ evidence }: { evidence: Evidence | null }) {
  if (!evidence)
    return (
      <aside className="evidence" aria-labelledby="bukti-kepatuhan">
        <h2 id="bukti-kepatuhan">Bukti kepatuhan jadwal</h2>
        <p className="muted">Petugas ini tidak punya sif atau status agen pada periode ini.</p>
      </aside>
    );
  const t = evidence.total;
  const lapses = evidence.shifts.filter((s) => s.hasData && shiftNote(s) !== "Sesuai jadwal.");
  const withoutData = evidence.shifts.filter((s) => !s.hasData);
  return (
    <aside className="evidence" aria-labelledby="bukti-kepatuhan">
      <h2 id="bukti-kepatuhan">Bukti kepatuhan jadwal</h2>
      <p className="muted small">
        Dari jadwal dinas dan status agen, {formatDay(evidence.range.from)} – {formatDay(evidence.range.to)}; istirahat
        sampai {evidence.breakAllowance} menit per sif dihitung patuh. Bukti untuk butir kedisiplinan: nilai tetap dari
        penilai.
      </p>
      <dl className="facts">
        <dt>Kepatuhan</dt>
        <dd>{percentText(t.adherence)}</dd>
        <dt>Kesesuaian</dt>
        <dd>{percentText(t.conformance)}</dd>
        <dt>Sif</dt>
        <dd>
          {t.shifts}
          {t.shiftsWithoutData > 0 && ` (dan ${t.shiftsWithoutData} tanpa data status)`}
        </dd>
        <dt>Terlambat</dt>
        <dd>{times(t.lateShifts, t.lateMinutes)}</dd>
        <dt>Pulang awal</dt>
        <dd>{times(t.earlyShifts, t.earlyMinutes)}</dd>
        <dt>Tidak hadir</dt>
        <dd>{t.absentShifts === 0 ? "—" : `${t.absentShifts} sif`}</dd>
        <dt>Istirahat di luar jadwal</dt>
        <dd>{t.unscheduledBreakMinutes > 0 ? `${minutesText(t.unscheduledBreakMinutes)} menit` : "—"}</dd>
      </dl>
      {lapses.length > 0 ? (
        <>
          <h3 className="evidence-subheading">Sif yang tidak sesuai jadwal</h3>
          <ul className="lapses">
            {lapses.map((s) => (
              <li key={s.shift.startsAt}>
                <strong>{formatShift(new Date(s.shift.startsAt), new Date(s.shift.endsAt))}</strong> ·{" "}
                {percentText(s.adherence)} · {shiftNote(s)}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>Semua sif dengan data sesuai jadwal.</p>
      )}
      {withoutData.length > 0 && (
        <p className="muted small">
          Tanpa data status agen (belum diimpor):{" "}
          {withoutData.map((s) => formatShift(new Date(s.shift.startsAt), new Date(s.shift.endsAt))).join("; ")}.
        </p>
      )}
    </aside>
  );
}
