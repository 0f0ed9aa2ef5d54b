import { weekdayName } from "../../analytics/dates";
import { type Heatmap, shade, WEEKDAYS } from "../../analytics/workforce-heatmap";
import { formatClock } from "../../analytics/workforce-time";

type Metric = {
  code: string;
  label: string;
  unit: string;
  means: string;
  /** The English term staff may know the measure by. */
  english?: string;
  better: "none" | "lower" | "higher";
};

const decimalsOf = (code: string) => (code === "aht" ? 0 : 1);
const format = (value: number | null, decimals: number) =>
  value === null
    ? "—"
    : value.toLocaleString("id-ID", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

/** Shades per palette: the colour of a cell is one of 11 steps, each a class in styles.css. */
const STEPS = 10;

/**
 * The colour class of a cell: one blue for plain quantities (`shade-plain-0` light … `-10` dark, white text
 * on the dark end); red to green where one end is good (`shade-good-0` red … `-10` green). Classes rather
 * than style attributes, so that the Content-Security-Policy needs no 'unsafe-inline' for styles.
 */
export function shadeClass(t: number | null, better: Metric["better"]): string | undefined {
  if (t === null) return undefined;
  if (better === "none") return `shade-plain-${Math.round(t * STEPS)}`;
  const good = better === "higher" ? t : 1 - t;
  return `shade-good-${Math.round(good * STEPS)}`;
}

const cellClass = (shadeName: string | undefined) => (shadeName ? `num ${shadeName}` : "num");

/**
 * Day of week × interval as a table: the numbers are the content, the colour only helps the eye, so the
 * table is what a screen reader reads and what prints.
 */
export function HeatmapTable({ map, metric, caption }: { map: Heatmap; metric: Metric; caption: string }) {
  const decimals = decimalsOf(metric.code);
  return (
    <div className="table-wrap">
      <table className="heatmap">
        <caption>
          {caption} <span className="muted">({metric.unit})</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">Jam (WIB)</th>
            {WEEKDAYS.map((d) => (
              <th scope="col" className="num" key={d}>
                {weekdayName(d)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {map.starts.map((start, row) => (
            <tr key={start}>
              <th scope="row">{formatClock(start)}</th>
              {WEEKDAYS.map((d, column) => {
                const value = map.values[row]?.[column] ?? null;
                return (
                  <td className={cellClass(shadeClass(shade(value, map.min, map.max), metric.better))} key={d}>
                    {format(value, decimals)}
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

/** What the colours mean, with the range of the map. */
export function HeatmapLegend({ map, metric }: { map: Heatmap; metric: Metric }) {
  const decimals = decimalsOf(metric.code);
  return (
    <div className="heatmap-key">
      <p className="heatmap-legend">
        <span className={`swatch ${shadeClass(0, metric.better)}`} aria-hidden="true" />
        <span>{format(map.min, decimals)}</span>
        <span className={`scale scale-${metric.better}`} aria-hidden="true" />
        <span className={`swatch ${shadeClass(1, metric.better)}`} aria-hidden="true" />
        <span>
          {format(map.max, decimals)} {metric.unit}
        </span>
        <span className="muted">
          {metric.better === "higher"
            ? "(hijau lebih baik)"
            : metric.better === "lower"
              ? "(hijau lebih baik: lebih rendah)"
              : "(lebih gelap, lebih tinggi)"}
        </span>
      </p>
      <p className="muted">
        {metric.means}
        {metric.english && (
          <>
            {" "}
            Istilah lain: <i lang="en">{metric.english}</i>.
          </>
        )}{" "}
        Sel “—”: belum ada data.
      </p>
    </div>
  );
}
