// Pure: calibration statistics. Several assessors score the same interaction blind; per item we show the
// spread of their item scores (0–100) and the consensus — the coordinator's benchmark score when there is
// one, otherwise the median — and per assessor the mean absolute deviation from the consensus.
import {
  type ItemSection,
  type ItemValue,
  itemScore,
  type ScoredItem,
  type SectionWeights,
  scoreEvaluation,
} from "./scoring";

export type AssessorScores = { assessorId: number; values: ReadonlyMap<number, ItemValue> };

export type ItemResult = {
  itemId: number;
  /** Each assessor's item score 0–100 (null for N/A or not scored). */
  scores: { assessorId: number; score: number | null }[];
  /** Highest minus lowest item score, in points; null when fewer than two assessors scored the item. */
  spread: number | null;
  consensus: number | null;
  flagged: boolean;
};

export type AssessorResult = {
  assessorId: number;
  total: number | null;
  /** Mean of |item score − consensus| over the items both have, in points; null when there are none. */
  meanDeviation: number | null;
  totalDeviation: number | null;
};

export type CalibrationResult = {
  items: ItemResult[];
  assessors: AssessorResult[];
  consensusTotal: number | null;
  flaggedCount: number;
};

/** The median of a list (mean of the two middle values for an even count); null for an empty list. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function scoreOf(item: ScoredItem, value: ItemValue | undefined): number | null {
  return value === null || value === undefined ? null : itemScore(item.scale, value);
}

/**
 * `thresholdPoints`: an item whose spread is larger than this is flagged for discussion (reference: 10).
 * `benchmark` (the coordinator's own scores), when given, is the consensus instead of the median.
 */
export function calibrationResult(input: {
  items: readonly ScoredItem[];
  sections: readonly ItemSection[];
  weights: SectionWeights;
  assessors: readonly AssessorScores[];
  benchmark: ReadonlyMap<number, ItemValue> | null;
  thresholdPoints: number;
}): CalibrationResult {
  const items = input.items.filter((i) => input.sections.includes(i.section));
  const itemResults: ItemResult[] = items.map((item) => {
    const scores = input.assessors.map((a) => ({
      assessorId: a.assessorId,
      score: scoreOf(item, a.values.get(item.id)),
    }));
    const present = scores.map((s) => s.score).filter((s): s is number => s !== null);
    const spread = present.length >= 2 ? Math.max(...present) - Math.min(...present) : null;
    const consensus = input.benchmark ? scoreOf(item, input.benchmark.get(item.id)) : median(present);
    return { itemId: item.id, scores, spread, consensus, flagged: spread !== null && spread > input.thresholdPoints };
  });

  const totalOf = (values: ReadonlyMap<number, ItemValue>) => {
    const known = new Map([...values].filter((e): e is [number, ItemValue] => e[1] !== undefined));
    return scoreEvaluation(items, known, input.weights, input.sections).total;
  };
  const totals = input.assessors.map((a) => totalOf(a.values));
  const consensusTotal = input.benchmark
    ? totalOf(input.benchmark)
    : median(totals.filter((t): t is number => t !== null));

  const assessors = input.assessors.map((a, index): AssessorResult => {
    const deviations: number[] = [];
    for (const result of itemResults) {
      const own = result.scores.find((s) => s.assessorId === a.assessorId)?.score ?? null;
      if (own !== null && result.consensus !== null) deviations.push(Math.abs(own - result.consensus));
    }
    const total = totals[index] ?? null;
    return {
      assessorId: a.assessorId,
      total,
      meanDeviation: deviations.length ? deviations.reduce((x, y) => x + y, 0) / deviations.length : null,
      totalDeviation: total !== null && consensusTotal !== null ? Math.abs(total - consensusTotal) : null,
    };
  });

  return { items: itemResults, assessors, consensusTotal, flaggedCount: itemResults.filter((i) => i.flagged).length };
}
