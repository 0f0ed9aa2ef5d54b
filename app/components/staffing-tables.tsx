import { Link } from "@remix-run/react";
import { formatDay, weekdayName } from "../../analytics/dates";
import { type PlanInterval, STATUS_LABELS } from "../../analytics/staffing";
import { formatClock } from "../../analytics/workforce-time";

const number = (value: number, decimals = 1) =>
  value.toLocaleString("id-ID", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
const percent = (value: number) => `${number(100 * value)} %`;
const signed = (value: number) => (value > 0 ? `+${value}` : String(value));

/**
 * The week at a glance: interval × day, each cell "rostered / positions needed", marked by status. The text
 * says the status too (− short, + over), so the table reads the same without colour.
 */
export function WeekGrid({
  intervals,
  days,
  dayLink,
}: {
  intervals: PlanInterval[];
  days: string[];
  dayLink: (day: string) => string;
}) {
  const byKey = new Map(intervals.map((i) => [`${i.day}|${i.startMinute}`, i]));
  const starts = [...new Set(intervals.map((i) => i.startMinute))].sort((a, b) => a - b);
  return (
    <div className="table-wrap">
      <table className="heatmap staffing-grid">
        <caption>Dijadwalkan / posisi dibutuhkan per interval (− kurang, + lebih)</caption>
        <thead>
          <tr>
            <th scope="col">Jam (WIB)</th>
            {days.map((day, i) => (
              <th scope="col" className="num" key={day}>
                <Link to={dayLink(day)}>
                  {weekdayName(i + 1)}
                  <br />
                  {formatDay(day).replace(/ \d{4}$/, "")}
                </Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {starts.map((start) => (
            <tr key={start}>
              <th scope="row">{formatClock(start)}</th>
              {days.map((day) => {
                const i = byKey.get(`${day}|${start}`);
                if (!i) return <td key={day} />;
                return (
                  <td key={day} className={`num status-${i.status}`}>
                    {i.rostered}/{i.positions}
                    {i.status === "kurang" ? " −" : i.status === "lebih" ? " +" : ""}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Every interval of one day in detail: forecast, what Erlang C needs, who is rostered and what they achieve. */
export function DayTable({ intervals, caption }: { intervals: PlanInterval[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table className="kpi-table compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Jam (WIB)</th>
            {[
              "Perkiraan kontak",
              "Waktu penanganan (detik)",
              "Trafik (Erlang)",
              "Petugas dibutuhkan",
              "Posisi",
              "Dijadwalkan",
              "Selisih",
            ].map((h) => (
              <th scope="col" className="num" key={h}>
                {h}
              </th>
            ))}
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Perkiraan tingkat layanan dengan jadwal
            </th>
            <th scope="col" className="num">
              Okupansi
            </th>
          </tr>
        </thead>
        <tbody>
          {intervals.map((i) => (
            <tr key={i.startMinute}>
              <th scope="row">
                {formatClock(i.startMinute)}–{formatClock(i.endMinute)}
              </th>
              <td className="num">{number(i.forecastCalls)}</td>
              <td className="num">{i.ahtSeconds === null ? "—" : number(i.ahtSeconds, 0)}</td>
              <td className="num">{number(i.trafficErlangs, 2)}</td>
              <td className="num">{i.agents}</td>
              <td className="num">{i.positions}</td>
              <td className="num">{i.rostered}</td>
              <td className="num">{signed(i.difference)}</td>
              <td className={`status-${i.status}`}>{STATUS_LABELS[i.status]}</td>
              <td className="num">{i.forecastCalls === 0 ? "—" : percent(i.expectedServiceLevel)}</td>
              <td className="num">{i.forecastCalls === 0 ? "—" : percent(i.expectedOccupancy)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
