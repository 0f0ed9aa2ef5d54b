import { weekdayName } from "../../analytics/staffing";
import { type Heatmap, shade, WEEKDAYS } from "../../analytics/workforce-heatmap";
import { formatClock } from "../../analytics/workforce-time";

type Metric = { code: string; label: string; unit: string; means: string; better: "none" | "lower" | "higher" };

const decimalsOf = (code: string) => (code === "aht" ? 0 : 1);
const format = (value: number | null, decimals: number) =>
  value === null
    ? "—"
    : value.toLocaleString("id-ID", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

/**
 * The colour of a cell: one blue for plain quantities; red to green where one end is good (green the good
 * end). Text turns white on the dark end so every number stays readable.
 */
function colours(t: number | null, better: Metric["better"]): { background: string; color: string } | undefined {
  if (t === null) return undefined;
  if (better === "none") {
    const lightness = 96 - t * 62;
    return { background: `hsl(214 70% ${lightness}%)`, color: lightness < 55 ? "#fff" : "#1b1f24" };
  }
  const good = better === "higher" ? t : 1 - t;
  return { background: `hsl(${Math.round(good * 120)} 65% 82%)`, color: "#1b1f24" };
}

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
                  <td className="num" key={d} style={colours(shade(value, map.min, map.max), metric.better)}>
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
  const low = colours(0, metric.better);
  const high = colours(1, metric.better);
  return (
    <p className="heatmap-legend">
      <span className="swatch" style={low} aria-hidden="true" /> {format(map.min, decimals)}
      <span
        className="scale"
        aria-hidden="true"
        style={{ background: `linear-gradient(to right, ${low?.background}, ${high?.background})` }}
      />
      <span className="swatch" style={high} aria-hidden="true" /> {format(map.max, decimals)} {metric.unit}.{" "}
      {metric.better === "higher"
        ? "Hijau lebih baik."
        : metric.better === "lower"
          ? "Hijau lebih baik (lebih rendah)."
          : "Lebih gelap, lebih tinggi."}{" "}
      {metric.means} Sel “—”: belum ada data.
    </p>
  );
}
