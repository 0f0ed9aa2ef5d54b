// Pure: the heatmaps of the workforce page — one channel, day of week × interval, over a range of weeks — from
// the interval sums (per weekday and interval) and the rostered agent time of the same range. Each cell is an
// average over the days that had data, so a range of four weeks and one of twelve read alike.
import type { ProfileInput } from "./forecast";

/** The ranges the page offers, in whole weeks before the current one. */
export const RANGE_WEEKS = [4, 8, 12] as const;

/** ISO weekday 1 (Monday) … 7 (Sunday). */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export const METRICS = [
  {
    code: "volume",
    label: "Volume",
    unit: "kontak per interval",
    means: "Rata-rata kontak masuk per interval.",
    better: "none",
  },
  {
    code: "aht",
    label: "Waktu penanganan",
    unit: "detik",
    means: "Rata-rata waktu penanganan kontak yang dijawab (bicara dan pekerjaan setelahnya).",
    english: "average handling time (AHT)",
    better: "lower",
  },
  {
    code: "sl",
    label: "Tingkat layanan",
    unit: "%",
    means: "Kontak dijawab dalam waktu target ÷ kontak dijawab (baris yang melaporkannya).",
    better: "higher",
  },
  {
    code: "abandon",
    label: "Ditinggalkan",
    unit: "%",
    means: "Kontak yang ditutup penelepon sebelum dijawab ÷ kontak masuk.",
    english: "abandon rate",
    better: "lower",
  },
  {
    code: "occupancy",
    label: "Okupansi",
    unit: "%",
    means: "Waktu menangani kontak ÷ waktu petugas terjadwal di saluran ini.",
    better: "none",
  },
] as const;
export type MetricCode = (typeof METRICS)[number]["code"];

export const isMetric = (code: string | null): code is MetricCode => METRICS.some((m) => m.code === code);

/** Sums of one channel per weekday and interval over a range (from intervalProfile). */
export type ProfileCell = Omit<ProfileInput, "channel"> & {
  abandoned: number;
  answeredWithinTarget: number;
  answeredWithTarget: number;
};

/** Rostered agent time of one channel per weekday and interval, summed over the same range's days. */
export type RosterCell = { weekday: number; startMinute: number; staffedAgents: number };

/** Null where the range has no data for the cell (no calls yet, or no one rostered for occupancy). */
export type HeatmapValue = number | null;

export type Heatmap = {
  metric: MetricCode;
  /** Interval starts (minutes after midnight) as rows, in order. */
  starts: number[];
  /** values[row][weekday − 1] */
  values: HeatmapValue[][];
  min: number | null;
  max: number | null;
};

const key = (weekday: number, startMinute: number) => `${weekday}|${startMinute}`;

function cellValue(metric: MetricCode, cell: ProfileCell | undefined, staffed: number | undefined): HeatmapValue {
  if (!cell || cell.days === 0) return null;
  switch (metric) {
    case "volume":
      return cell.offered / cell.days;
    case "aht":
      return cell.ahtSeconds;
    case "sl":
      return cell.answeredWithTarget > 0 ? (100 * cell.answeredWithinTarget) / cell.answeredWithTarget : null;
    case "abandon":
      return cell.offered > 0 ? (100 * cell.abandoned) / cell.offered : null;
    case "occupancy": {
      // Handling time over rostered time: more than 100 % means the roster was short of who actually worked.
      if (!staffed || cell.ahtSeconds === null) return null;
      return (100 * cell.answered * cell.ahtSeconds) / (staffed * cell.intervalMinutes * 60);
    }
  }
}

/** The heatmap of one metric: every interval of the day as a row (the grid of `intervalMinutes`), weekdays as columns. */
export function heatmap(
  metric: MetricCode,
  profile: readonly ProfileCell[],
  roster: readonly RosterCell[],
  intervalMinutes: number,
): Heatmap {
  // Rows imported with another interval length than the current setting stay out of this grid.
  const cells = new Map(
    profile.filter((c) => c.intervalMinutes === intervalMinutes).map((c) => [key(c.weekday, c.startMinute), c]),
  );
  const staffed = new Map<string, number>();
  for (const r of roster)
    staffed.set(key(r.weekday, r.startMinute), (staffed.get(key(r.weekday, r.startMinute)) ?? 0) + r.staffedAgents);
  const starts = Array.from({ length: (24 * 60) / intervalMinutes }, (_, i) => i * intervalMinutes);
  const values = starts.map((start) =>
    WEEKDAYS.map((weekday) => cellValue(metric, cells.get(key(weekday, start)), staffed.get(key(weekday, start)))),
  );
  const present = values.flat().filter((v): v is number => v !== null);
  return {
    metric,
    starts,
    values,
    min: present.length ? Math.min(...present) : null,
    max: present.length ? Math.max(...present) : null,
  };
}

/**
 * How strongly a cell is shaded, 0–1, between the map's minimum and maximum. For metrics where lower is
 * better (AHT, abandonment) the scale is the same, and the legend says which end is good.
 */
export function shade(value: HeatmapValue, min: number | null, max: number | null): number | null {
  if (value === null || min === null || max === null) return null;
  return max === min ? 0.5 : (value - min) / (max - min);
}
