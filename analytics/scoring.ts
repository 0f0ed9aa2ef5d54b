// Pure: how a scorecard turns item values into section scores, an evaluation total, a KPI and a predikat
// (DESIGN.md §2, regulation 2.3.1). Scores are on a 0–100 scale; `null` means "no data", never zero.

export const SECTIONS = ["hardskill", "softskill", "kedisiplinan", "cph"] as const;
export type Section = (typeof SECTIONS)[number];
/** Sections scored item by item (CPH is computed from call statistics). */
export const ITEM_SECTIONS = ["hardskill", "softskill", "kedisiplinan"] as const;
export type ItemSection = (typeof ITEM_SECTIONS)[number];
/** Scored per interaction; kedisiplinan and CPH are scored once per period. */
export const INTERACTION_SECTIONS: readonly ItemSection[] = ["hardskill", "softskill"];
/** Scored once per agent per period, in the period review (beside CPH, which is not an item). */
export const PERIOD_REVIEW_SECTIONS: readonly ItemSection[] = ["kedisiplinan"];

/** The sections an evaluation of `kind` scores: an interaction its hardskill and softskill, a period review the rest. */
export function sectionsOf(kind: string): readonly ItemSection[] {
  return kind === "interaction" ? INTERACTION_SECTIONS : PERIOD_REVIEW_SECTIONS;
}

export const SECTION_LABELS: Record<Section, string> = {
  hardskill: "Hardskill",
  softskill: "Softskill",
  kedisiplinan: "Kedisiplinan",
  cph: "CPH",
};

export type Scale = "1-5" | "ya_tidak";

/** What the levels of a 1–5 item mean when the item does not say more. */
export const DEFAULT_LEVELS = ["Sangat Kurang", "Kurang", "Cukup", "Baik", "Sangat Baik"];
export type SectionWeights = Record<Section, number>;

export type ScoredItem = {
  id: number;
  section: ItemSection;
  scale: Scale;
  /** Relative weight inside its section; critical items carry none. */
  weight: number;
  critical: boolean;
  allowNa: boolean;
};

/** 1–5 for a 1–5 item, 1 (Ya) or 0 (Tidak) for a Ya/Tidak item, null for N/A. */
export type ItemValue = number | null;

/** Score of one item on 0–100: a 1–5 value v gives (v − 1) ÷ 4 × 100; Ya gives 100, Tidak 0. */
export function itemScore(scale: Scale, value: number): number {
  return scale === "1-5" ? ((value - 1) / 4) * 100 : value === 1 ? 100 : 0;
}

/** Why a value is not acceptable for an item, or null when it is. */
export function itemValueProblem(item: ScoredItem, value: ItemValue | undefined): string | null {
  if (value === undefined) return "Belum dinilai.";
  if (value === null) {
    if (item.critical) return "Butir kritis harus dinilai Ya atau Tidak.";
    return item.allowNa ? null : "Butir ini tidak boleh N/A.";
  }
  if (!Number.isInteger(value)) return "Nilai harus bilangan bulat.";
  if (item.scale === "1-5" && (value < 1 || value > 5)) return "Nilai harus 1 sampai 5.";
  if (item.scale === "ya_tidak" && value !== 0 && value !== 1) return "Pilih Ya atau Tidak.";
  return null;
}

/**
 * Weighted mean of a section's scored items, on 0–100. N/A items drop out and the remaining weights
 * renormalise. Critical items never count here (they act on the total). Null when nothing in the section
 * was scored or the section has no weighted items.
 */
export function sectionScore(items: readonly ScoredItem[], values: ReadonlyMap<number, ItemValue>): number | null {
  let weighted = 0;
  let weights = 0;
  for (const item of items) {
    if (item.critical || item.weight <= 0) continue;
    const value = values.get(item.id);
    if (value === null || value === undefined) continue;
    weighted += item.weight * itemScore(item.scale, value);
    weights += item.weight;
  }
  return weights > 0 ? weighted / weights : null;
}

/** True when any critical item was answered Tidak (0). */
export function criticalFailed(items: readonly ScoredItem[], values: ReadonlyMap<number, ItemValue>): boolean {
  return items.some((item) => item.critical && values.get(item.id) === 0);
}

/**
 * Weighted mean of the given section scores with the template's section weights, renormalised over the
 * sections that have a score. Null when none has.
 */
export function weightedTotal(scores: Partial<Record<Section, number | null>>, weights: SectionWeights): number | null {
  let weighted = 0;
  let total = 0;
  for (const section of SECTIONS) {
    const score = scores[section];
    const weight = weights[section];
    if (score === null || score === undefined || weight <= 0) continue;
    weighted += weight * score;
    total += weight;
  }
  return total > 0 ? weighted / total : null;
}

export type EvaluationScore = {
  sections: Partial<Record<ItemSection, number | null>>;
  /** 0 when a critical item failed; otherwise the weighted total of the scored sections. */
  total: number | null;
  criticalFailed: boolean;
};

/** Scores an evaluation of the given sections (hardskill + softskill per interaction; kedisiplinan per period). */
export function scoreEvaluation(
  items: readonly ScoredItem[],
  values: ReadonlyMap<number, ItemValue>,
  weights: SectionWeights,
  sections: readonly ItemSection[],
): EvaluationScore {
  const scores: Partial<Record<ItemSection, number | null>> = {};
  for (const section of sections) {
    scores[section] = sectionScore(
      items.filter((i) => i.section === section),
      values,
    );
  }
  const failed = criticalFailed(
    items.filter((i) => sections.includes(i.section)),
    values,
  );
  return { sections: scores, total: failed ? 0 : weightedTotal(scores, weights), criticalFailed: failed };
}

/** CPH score = min(100, actual ÷ target × 100); null when either is missing or the target is not positive. */
export function cphScore(actualCallsPerHour: number | null, targetCallsPerHour: number | null): number | null {
  if (actualCallsPerHour === null || targetCallsPerHour === null || targetCallsPerHour <= 0) return null;
  return Math.min(100, Math.max(0, (actualCallsPerHour / targetCallsPerHour) * 100));
}

export type Kpi = { score: number | null; missing: Section[] };

/**
 * Period KPI = Σ weight × dimension score ÷ 100 over the four dimensions. A dimension with a positive weight
 * and no data makes the KPI incomplete: score null and the missing dimensions named, never a silent 0.
 */
export function periodKpi(dimensions: Record<Section, number | null>, weights: SectionWeights): Kpi {
  const missing = SECTIONS.filter((s) => weights[s] > 0 && dimensions[s] === null);
  if (missing.length > 0) return { score: null, missing };
  return { score: weightedTotal(dimensions, weights), missing: [] };
}

export type GradeBand = { min: number; label: string };

/** Civil-service appraisal bands (predikat), highest first: ≥ 91, ≥ 76, ≥ 61, ≥ 51, else. */
export const DEFAULT_GRADE_BANDS: GradeBand[] = [
  { min: 91, label: "Sangat Baik" },
  { min: 76, label: "Baik" },
  { min: 61, label: "Cukup" },
  { min: 51, label: "Kurang" },
  { min: 0, label: "Buruk" },
];

/** The predikat of a score: the first band (highest minimum first) whose minimum the score reaches. */
export function gradeOf(score: number | null, bands: readonly GradeBand[] = DEFAULT_GRADE_BANDS): string | null {
  if (score === null) return null;
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return sorted.find((band) => score >= band.min)?.label ?? sorted.at(-1)?.label ?? null;
}

/** Section weights must be whole numbers 0–100 that sum to 100. */
export function sectionWeightsProblem(weights: SectionWeights): string | null {
  const values = SECTIONS.map((s) => weights[s]);
  if (values.some((w) => !Number.isInteger(w) || w < 0 || w > 100)) return "Bobot bagian harus bilangan bulat 0–100.";
  const sum = values.reduce((a, b) => a + b, 0);
  return sum === 100 ? null : `Jumlah bobot bagian harus 100, sekarang ${sum}.`;
}

/** The words for an evaluation's workflow state, on the pages and in the workbook. */
export const STATE_LABELS: Record<string, string> = {
  draft: "Draf",
  submitted: "Terkirim",
  acknowledged: "Dikonfirmasi",
  disputed: "Disanggah",
  final: "Final",
};
