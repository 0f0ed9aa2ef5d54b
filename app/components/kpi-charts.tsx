// The charts of the KPI review page (Recharts). Each sits in a figure with a title, axis labels with units and
// Indonesian numbers, and a table of the same numbers: the table is what shows when scripts are off and what a
// screen reader reads for the figures; the drawing is one image named by the chart's title. Charts fill the
// width of their figure (ResponsiveContainer), so a phone never scrolls sideways.
import { Link, useNavigate } from "@remix-run/react";
import { type ReactElement, type ReactNode, useSyncExternalStore } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { periodFromId } from "../../analytics/period";
import { formatScore } from "../score-fields";

const COLORS = ["#0b3d91", "#c77700", "#2e7d32", "#8e24aa", "#00838f"];
const HEIGHT = 280;
// Room on the right for half of the last x tick ("Okt 2026" is centred on the last point), so it is not cut off.
const MARGIN = { top: 8, right: 36, bottom: 24, left: 16 };
// Recharts 3 makes every chart a focusable, unnamed role="application" by default; the drawing here is one
// named image instead, and its numbers are in the table beside it.
const DRAWING = { margin: MARGIN, accessibilityLayer: false } as const;
// Scores of a contact center sit between 50 and 100: start the axis a little below the lowest, in tens.
const scoreFloor = (min: number) => Math.max(0, Math.floor(min / 10) * 10 - 10);
const number = (v: number | string) => (typeof v === "number" ? v.toLocaleString("id-ID") : v);
const score = (v: unknown) => formatScore(typeof v === "number" ? v : null);

/** "Okt 2026" for period 2026-10. */
export function shortPeriod(id: string): string {
  return periodFromId(id).label.replace(/^Periode (\S+) (\d{4}).*$/, (_, month: string, year: string) => {
    return `${month.slice(0, 3)} ${year}`;
  });
}

const subscribeNothing = () => () => {};

/** False on the server and while hydrating, true once scripts run: Recharts draws only in the browser. */
function useHydrated() {
  return useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
}

function Figure({
  id,
  title,
  children,
  table,
}: {
  id: string;
  title: string;
  children: ReactElement;
  table: ReactNode;
}) {
  const hydrated = useHydrated();
  return (
    <figure className="chart" aria-labelledby={`${id}-judul`}>
      <figcaption id={`${id}-judul`}>
        <h3>{title}</h3>
      </figcaption>
      {hydrated ? (
        <>
          <div
            className="chart-drawing"
            role="img"
            aria-label={`Grafik: ${title}. Angkanya ada pada tabel “Lihat sebagai tabel” di bawahnya.`}
          >
            <ResponsiveContainer width="100%" height={HEIGHT}>
              {children}
            </ResponsiveContainer>
          </div>
          <details>
            <summary>Lihat sebagai tabel</summary>
            <div className="table-wrap">{table}</div>
          </details>
        </>
      ) : (
        // Without scripts the numbers are the table itself.
        <div className="table-wrap">{table}</div>
      )}
    </figure>
  );
}

type Trend = { periodId: string; center: number | null; teams: Record<string, number | null> }[];

export function TrendChart({ trend, teams }: { trend: Trend; teams: string[] }) {
  const data = trend.map((t) => ({ period: shortPeriod(t.periodId), Pusat: t.center, ...t.teams }));
  return (
    <Figure
      id="tren"
      title="Tren nilai akhir rata-rata, 12 periode terakhir"
      table={
        <table className="stack-table">
          <caption className="visually-hidden">Nilai akhir rata-rata per periode dan tim</caption>
          <thead>
            <tr>
              <th scope="col">Periode</th>
              {teams.map((t) => (
                <th scope="col" className="num" key={t}>
                  {t}
                </th>
              ))}
              <th scope="col" className="num">
                Seluruh contact center
              </th>
            </tr>
          </thead>
          <tbody>
            {trend.map((t) => (
              <tr key={t.periodId}>
                <th scope="row">{shortPeriod(t.periodId)}</th>
                {teams.map((team) => (
                  <td className="num" key={team} data-label={team}>
                    {score(t.teams[team])}
                  </td>
                ))}
                <td className="num" data-label="Seluruh contact center">
                  {score(t.center)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <LineChart data={data} {...DRAWING}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="period" label={{ value: "Periode", position: "insideBottom", offset: -16 }} />
        <YAxis
          domain={[scoreFloor, 100]}
          tickFormatter={number}
          label={{ value: "Nilai (0–100)", angle: -90, position: "insideLeft", style: { textAnchor: "middle" } }}
        />
        <Tooltip formatter={score} />
        <Legend verticalAlign="top" />
        {teams.map((t, i) => (
          <Line
            isAnimationActive={false}
            key={t}
            type="monotone"
            dataKey={t}
            stroke={COLORS[i % COLORS.length]}
            strokeWidth={2}
            connectNulls
          />
        ))}
        <Line
          isAnimationActive={false}
          type="monotone"
          dataKey="Pusat"
          name="Seluruh contact center"
          stroke="#333"
          strokeDasharray="5 4"
          connectNulls
        />
      </LineChart>
    </Figure>
  );
}

export function DistributionChart({ distribution }: { distribution: { label: string; count: number }[] }) {
  return (
    <Figure
      id="sebaran"
      title="Sebaran predikat nilai akhir"
      table={
        <table className="stack-table">
          <caption className="visually-hidden">Jumlah petugas per predikat</caption>
          <thead>
            <tr>
              <th scope="col">Predikat</th>
              <th scope="col" className="num">
                Petugas
              </th>
            </tr>
          </thead>
          <tbody>
            {distribution.map((d) => (
              <tr key={d.label}>
                <th scope="row">{d.label}</th>
                <td className="num" data-label="Petugas">
                  {d.count}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <BarChart data={distribution} {...DRAWING}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" label={{ value: "Predikat", position: "insideBottom", offset: -16 }} />
        <YAxis
          allowDecimals={false}
          tickFormatter={number}
          label={{ value: "Petugas (orang)", angle: -90, position: "insideLeft", style: { textAnchor: "middle" } }}
        />
        <Tooltip formatter={(v) => [`${number(v as number)} orang`, "Petugas"]} />
        <Bar isAnimationActive={false} dataKey="count" name="Petugas" fill={COLORS[0]} />
      </BarChart>
    </Figure>
  );
}

type TeamDimensions = { teamName: string; dimensions: Record<string, number | null> }[];
const DIMENSIONS = [
  ["hardskill", "Hardskill"],
  ["softskill", "Softskill"],
  ["kedisiplinan", "Kedisiplinan"],
  ["cph", "Skor CPH"],
] as const;

export function DimensionsChart({ teams }: { teams: TeamDimensions }) {
  const data = DIMENSIONS.map(([key, label]) => ({
    dimension: label,
    ...Object.fromEntries(teams.map((t) => [t.teamName, t.dimensions[key]])),
  }));
  return (
    <Figure
      id="dimensi"
      title="Empat dimensi per tim (rata-rata)"
      table={
        <table className="stack-table">
          <caption className="visually-hidden">Rata-rata tiap dimensi per tim</caption>
          <thead>
            <tr>
              <th scope="col">Tim</th>
              {DIMENSIONS.map(([key, label]) => (
                <th scope="col" className="num" key={key}>
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {teams.map((t) => (
              <tr key={t.teamName}>
                <th scope="row">{t.teamName}</th>
                {DIMENSIONS.map(([key, label]) => (
                  <td className="num" key={key} data-label={label}>
                    {score(t.dimensions[key])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <BarChart data={data} {...DRAWING}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="dimension" label={{ value: "Dimensi", position: "insideBottom", offset: -16 }} />
        <YAxis
          domain={[0, 100]}
          tickFormatter={number}
          label={{ value: "Nilai (0–100)", angle: -90, position: "insideLeft", style: { textAnchor: "middle" } }}
        />
        <Tooltip formatter={score} />
        <Legend verticalAlign="top" />
        {teams.map((t, i) => (
          <Bar isAnimationActive={false} key={t.teamName} dataKey={t.teamName} fill={COLORS[i % COLORS.length]} />
        ))}
      </BarChart>
    </Figure>
  );
}

export type ScatterAgent = { staffId: number; fullName: string; quality: number; cph: number; outlier: boolean };

/**
 * Interaction quality against calls per hour, one dot per agent: who is fast but careless, or slow. Outliers
 * (Tukey's fences on either axis) are drawn apart so they stand out. The table lists every point in a small
 * center; in a large one it lists the outliers, since every agent's figures are in the KPI table below.
 */
export function QualityCphChart({
  points,
  listAll,
  threshold,
}: {
  points: ScatterAgent[];
  listAll: boolean;
  threshold: number;
}) {
  const navigate = useNavigate();
  const listed = listAll ? points : points.filter((p) => p.outlier);
  const open = (point: { payload?: ScatterAgent }) => point.payload && navigate(`/staf/${point.payload.staffId}`);
  return (
    <Figure
      id="mutu-cph"
      title="Mutu interaksi (rerata hardskill dan softskill) terhadap CPH per petugas"
      table={
        <table className="stack-table">
          <caption className={listAll ? "visually-hidden" : undefined}>
            {listAll
              ? "Mutu interaksi dan CPH per petugas"
              : `Pencilan: ${listed.length} dari ${points.length} petugas (angka semua petugas ada di tabel KPI per petugas)`}
          </caption>
          <thead>
            <tr>
              <th scope="col">Petugas</th>
              <th scope="col" className="num">
                Mutu interaksi
              </th>
              <th scope="col" className="num">
                CPH (panggilan/jam)
              </th>
              <th scope="col">Pencilan</th>
            </tr>
          </thead>
          <tbody>
            {listed.map((a) => (
              <tr key={a.staffId}>
                <th scope="row">
                  <Link to={`/staf/${a.staffId}`}>{a.fullName}</Link>
                </th>
                <td className="num" data-label="Mutu interaksi">
                  {score(a.quality)}
                </td>
                <td className="num" data-label="CPH (panggilan/jam)">
                  {score(a.cph)}
                </td>
                <td data-label="Pencilan">{a.outlier ? "ya" : "tidak"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ScatterChart {...DRAWING}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          type="number"
          dataKey="cph"
          name="CPH"
          domain={[(min: number) => Math.max(0, Math.floor(min) - 1), (max: number) => Math.ceil(max) + 1]}
          tickFormatter={number}
          label={{ value: "CPH (panggilan per jam login)", position: "insideBottom", offset: -16 }}
        />
        <YAxis
          type="number"
          dataKey="quality"
          name="Mutu interaksi"
          domain={[0, 100]}
          tickFormatter={number}
          label={{
            value: "Mutu interaksi (0–100)",
            angle: -90,
            position: "insideLeft",
            style: { textAnchor: "middle" },
          }}
        />
        <ReferenceLine y={threshold} stroke="#b00020" strokeDasharray="4 4" />
        <Tooltip
          formatter={(v, name) => [name === "CPH" ? `${score(v)} panggilan/jam` : score(v), name]}
          labelFormatter={() => ""}
          cursor={{ strokeDasharray: "3 3" }}
        />
        <Legend verticalAlign="top" />
        <Scatter
          name="Petugas"
          isAnimationActive={false}
          data={points.filter((p) => !p.outlier)}
          fill={COLORS[0]}
          cursor="pointer"
          onClick={open}
        />
        <Scatter
          name="Pencilan"
          isAnimationActive={false}
          data={points.filter((p) => p.outlier)}
          fill="#b00020"
          shape="diamond"
          cursor="pointer"
          onClick={open}
        />
      </ScatterChart>
    </Figure>
  );
}
