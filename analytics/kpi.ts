// Pure: the KPI of a period across people — rank within the team, and the summary of a group (a team or the
// whole center). The per-agent figures come from SQL averages; the final score from periodKpi (scoring.ts).
// Both the review page and the workbook use these, so a number reads the same wherever it is shown.
import { type GradeBand, gradeOf, type Kpi, SECTIONS, type Section } from "./scoring";

export type AgentKpiInput = {
  staffId: number;
  teamId: number;
  evaluations: number;
  dimensions: Record<Section, number | null>;
  kpi: Kpi;
  certified: boolean;
  quotaMet: boolean;
};

/**
 * Rank by final score within each team, highest first, with shared ranks for equal scores (1, 2, 2, 4), as a
 * league table reads. Equal means equal at the two decimals shown, so a rank never splits people whose
 * scores look the same. People whose KPI is incomplete get no rank.
 */
export function rankWithinTeams(
  rows: readonly { staffId: number; teamId: number; score: number | null }[],
): Map<number, number> {
  const ranks = new Map<number, number>();
  const byTeam = new Map<number, { staffId: number; score: number }[]>();
  for (const r of rows) {
    if (r.score === null) continue;
    const list = byTeam.get(r.teamId) ?? [];
    list.push({ staffId: r.staffId, score: Math.round(r.score * 100) });
    byTeam.set(r.teamId, list);
  }
  for (const list of byTeam.values()) {
    list.sort((a, b) => b.score - a.score);
    list.forEach((r, i) => {
      const previous = list[i - 1];
      ranks.set(r.staffId, previous && previous.score === r.score ? (ranks.get(previous.staffId) ?? i + 1) : i + 1);
    });
  }
  return ranks;
}

export type GroupSummary = {
  agents: number;
  /** Agents whose KPI has all four dimensions. */
  complete: number;
  /** Mean final score of the complete KPIs; null when none is complete. */
  average: number | null;
  /** Mean of each dimension over the agents who have it. */
  dimensions: Record<Section, number | null>;
  /** How many complete KPIs fall in each predikat, in the order of the bands (highest first). */
  distribution: { label: string; count: number }[];
  evaluations: number;
  /** Agents who reached the evaluation quota of the period. */
  quotaMet: number;
  /** The officials the certified share counts (KETUJUH: every active official; here the agents given). */
  officials: number;
  certified: number;
  /** Share 0–1 of agents who reached the quota / hold a certificate in force; null for an empty group. */
  coverage: number | null;
  certifiedShare: number | null;
};

const mean = (values: readonly number[]) =>
  values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;

export function summarize(rows: readonly AgentKpiInput[], bands: readonly GradeBand[]): GroupSummary {
  const scores = rows.map((r) => r.kpi.score).filter((s): s is number => s !== null);
  const ordered = [...bands].sort((a, b) => b.min - a.min);
  const dimensions = Object.fromEntries(
    SECTIONS.map((s) => [s, mean(rows.map((r) => r.dimensions[s]).filter((v): v is number => v !== null))]),
  ) as Record<Section, number | null>;
  const quotaMet = rows.filter((r) => r.quotaMet).length;
  const certified = rows.filter((r) => r.certified).length;
  return {
    agents: rows.length,
    complete: scores.length,
    average: mean(scores),
    dimensions,
    distribution: ordered.map((band) => ({
      label: band.label,
      count: scores.filter((s) => gradeOf(s, bands) === band.label).length,
    })),
    evaluations: rows.reduce((sum, r) => sum + r.evaluations, 0),
    quotaMet,
    officials: rows.length,
    certified,
    coverage: rows.length === 0 ? null : quotaMet / rows.length,
    certifiedShare: rows.length === 0 ? null : certified / rows.length,
  };
}

/** Team by team, best first; incomplete KPIs (no rank) after the ranked, by name. The order of every KPI list. */
export function byTeamAndRank(
  a: { teamName: string; rank: number | null; fullName: string },
  b: { teamName: string; rank: number | null; fullName: string },
): number {
  return (
    a.teamName.localeCompare(b.teamName, "id") ||
    (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
    a.fullName.localeCompare(b.fullName, "id")
  );
}

/**
 * Team by team; within a team by `value` (ascending, or descending with `descending`), rows without a value
 * last either way, then by name. For a KPI table sorted by one column: ranks and targets are per team, so the
 * teams stay apart.
 */
export function byTeamThen<T extends { teamName: string; fullName: string }>(
  value: (row: T) => number | string | null,
  descending: boolean,
): (a: T, b: T) => number {
  return (a, b) => {
    const team = a.teamName.localeCompare(b.teamName, "id");
    if (team) return team;
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else {
      const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "id");
      if (order) return descending ? -order : order;
    }
    return a.fullName.localeCompare(b.fullName, "id");
  };
}

/** The value at quantile q (0–1) of sorted values, interpolated between neighbours. */
function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const lowValue = sorted[low] ?? Number.NaN;
  const highValue = sorted[Math.ceil(position)] ?? lowValue;
  return lowValue + (highValue - lowValue) * (position - low);
}

/**
 * Which points lie outside Tukey's fences (more than 1.5 interquartile ranges below the first or above the third
 * quartile) on either axis: the agents whose quality or calls per hour stand apart from their colleagues'. A
 * robust rule, so a few extreme agents do not hide each other the way they would under a mean ± 2 SD rule.
 * Fewer than four points have no quartiles worth the name: none is an outlier.
 */
export function outliers(points: readonly { quality: number; cph: number }[]): boolean[] {
  if (points.length < 4) return points.map(() => false);
  const fences = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const q1 = quantile(sorted, 0.25);
    const q3 = quantile(sorted, 0.75);
    const reach = 1.5 * (q3 - q1);
    return [q1 - reach, q3 + reach] as const;
  };
  const [qualityLow, qualityHigh] = fences(points.map((p) => p.quality));
  const [cphLow, cphHigh] = fences(points.map((p) => p.cph));
  return points.map((p) => p.quality < qualityLow || p.quality > qualityHigh || p.cph < cphLow || p.cph > cphHigh);
}

/** One page of a list: the rows of page `asked` (1-based, clamped to the pages there are) and where it is. */
export function pageOf<T>(rows: readonly T[], asked: number, size: number) {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const page = Number.isInteger(asked) ? Math.min(Math.max(asked, 1), pages) : 1;
  return { rows: rows.slice((page - 1) * size, page * size), page, pages, total: rows.length, size };
}
