import { Link } from "@remix-run/react";
import { formatDay, weekdayName } from "../../analytics/dates";
import { MODEL_LABELS, type PlanInterval, STATUS_LABELS, type StaffingModel } from "../../analytics/staffing";
import { formatClock } from "../../analytics/workforce-time";

const number = (value: number, decimals = 1) =>
  value.toLocaleString("id-ID", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
const percent = (value: number) => `${number(100 * value)} %`;
const signed = (value: number) => (value > 0 ? `+${value}` : String(value));

/**
 * The week at a glance: interval × day, each cell "rostered / positions needed", marked by status. The text
 * says the status too (− short, + over), so the table reads the same without colour.
 */
/** What the week grid shows of an interval. */
export type WeekCell = Pick<PlanInterval, "day" | "startMinute" | "rostered" | "positions" | "status">;

export function WeekGrid({
  intervals,
  days,
  dayLink,
  model,
}: {
  intervals: WeekCell[];
  days: string[];
  dayLink: (day: string) => string;
  model: StaffingModel;
}) {
  const byKey = new Map(intervals.map((i) => [`${i.day}|${i.startMinute}`, i]));
  const starts = [...new Set(intervals.map((i) => i.startMinute))].sort((a, b) => a - b);
  return (
    <div className="table-wrap">
      <table className="heatmap staffing-grid">
        <caption>
          Dijadwalkan / posisi dibutuhkan menurut {MODEL_LABELS[model]} per interval (− kurang, + lebih)
        </caption>
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

/** Every interval of one day in detail: forecast, what Erlang C and Erlang A need, who is rostered, the difference
 * and status under the driving model, and what the roster is expected to achieve under each. */
export function DayTable({
  intervals,
  caption,
  model,
}: {
  intervals: PlanInterval[];
  caption: string;
  model: StaffingModel;
}) {
  const mark = (m: StaffingModel) => (m === model ? " (penentu)" : "");
  const dash = (i: PlanInterval, value: string) => (i.forecastCalls === 0 ? "—" : value);
  return (
    <div className="table-wrap">
      <table className="compact staffing-day">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              Jam (WIB)
            </th>
            <th scope="colgroup" colSpan={3}>
              Perkiraan
            </th>
            <th scope="colgroup" colSpan={3} className={model === "erlang_c" ? "driving" : undefined}>
              Erlang C{mark("erlang_c")}
            </th>
            <th scope="colgroup" colSpan={4} className={model === "erlang_a" ? "driving" : undefined}>
              Erlang A{mark("erlang_a")}
            </th>
            <th scope="colgroup" colSpan={4}>
              Jadwal ({MODEL_LABELS[model]})
            </th>
          </tr>
          <tr>
            {[
              ["kontak", "Kontak"],
              ["aht", "Waktu penanganan (detik)"],
              ["trafik", "Trafik (Erlang)"],
              ["c-petugas", "Petugas"],
              ["c-posisi", "Posisi"],
              ["c-layanan", "Tingkat layanan dengan jadwal"],
              ["a-petugas", "Petugas"],
              ["a-posisi", "Posisi"],
              ["a-layanan", "Tingkat layanan dengan jadwal"],
              ["a-menutup", "Menutup dengan jadwal"],
              ["dijadwalkan", "Dijadwalkan"],
              ["selisih", "Selisih"],
            ].map(([key, h]) => (
              <th scope="col" className="num" key={key}>
                {h}
              </th>
            ))}
            <th scope="col">Status</th>
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
              <td className="num">{i.erlangC.agents}</td>
              <td className="num">{i.erlangC.positions}</td>
              <td className="num">{dash(i, percent(i.erlangC.expectedServiceLevel))}</td>
              <td className="num">{i.erlangA.agents}</td>
              <td className="num">{i.erlangA.positions}</td>
              <td className="num">{dash(i, percent(i.erlangA.expectedServiceLevel))}</td>
              <td className="num">{dash(i, percent(i.erlangA.expectedAbandonment))}</td>
              <td className="num">{i.rostered}</td>
              <td className="num">{signed(i.difference)}</td>
              <td className={`status-${i.status}`}>{STATUS_LABELS[i.status]}</td>
              <td className="num">{dash(i, percent(i.expectedOccupancy))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
