// Pure: which training to suggest to an agent from their KPI (regulation C.17.c, "pengembangan sumber daya").
// A dimension of the last period below the KPI threshold points at one course category of the catalogue; the
// active courses of that category the agent has not had recently are suggested. No I/O; `today` is passed in.
import { addMonths } from "./dates";

/** The three dimensions an assessor scores; CPH is a pace, not a skill a course teaches. */
export type TrainedDimension = "hardskill" | "softskill" | "kedisiplinan";
export const TRAINED_DIMENSIONS: readonly TrainedDimension[] = ["hardskill", "softskill", "kedisiplinan"];

export type CourseCategory = "teknis_layanan_informasi" | "soft_skills_komunikasi" | "penyegaran" | "lainnya";

/**
 * Which category answers which weakness (docs/decisions/021-people-data.md). Hardskill scores accurate
 * information on customs and excise rules: the technical information-service training (E.4.a). Softskill scores
 * greeting, language, empathy and clarity: the soft-skills communication training (E.4.b). Kedisiplinan scores
 * attendance, schedule adherence and keeping to the service standard and code of conduct: the refreshers of
 * 2.3.3, which restate those standards. "Lainnya" is never suggested: its courses say nothing Mutu can match.
 */
export const DIMENSION_CATEGORY: Record<TrainedDimension, CourseCategory> = {
  hardskill: "teknis_layanan_informasi",
  softskill: "soft_skills_komunikasi",
  kedisiplinan: "penyegaran",
};

/** A course counts as had recently for this many months after it ended, unless it has its own refresh interval. */
export const RECENT_MONTHS = 12;

export type DimensionScores = Record<TrainedDimension, number | null>;
export type NeedCourse = { id: number; code: string; name: string; category: string; refreshMonths: number | null };
export type NeedRecord = { courseId: number; endDate: string; status: string };

export type SuggestedCourse = {
  id: number;
  code: string;
  name: string;
  /** The latest record of the course (any result), or null when the agent never had it. */
  last: { endDate: string; status: string } | null;
};

export type TrainingNeed = {
  dimension: TrainedDimension;
  /** The dimension's score in the period, 0–100. */
  score: number;
  thresholdPoints: number;
  category: CourseCategory;
  suggested: SuggestedCourse[];
  /** The courses of the category had recently, with the end date that counts: why they are not suggested. */
  recent: { id: number; code: string; name: string; endDate: string }[];
};

/** Months after its end date during which a course counts as had recently: its refresh interval, else RECENT_MONTHS. */
export const recentMonthsOf = (course: Pick<NeedCourse, "refreshMonths">) => course.refreshMonths ?? RECENT_MONTHS;

// A failed attempt does not count as had: the skill the course teaches is still to be shown.
const counts = (r: NeedRecord) => r.status !== "tidak_lulus";

/**
 * The training needs of one agent: one entry per dimension scored below `thresholdPoints` (strictly below, as
 * the KPI page's list; a dimension without a score is no weakness, never 0), in the order hardskill, softskill,
 * kedisiplinan. Suggested: each active course of the dimension's category with no passed or completed record
 * ending on or after `today` − its recent months (a record ending later than today, a course under way, counts).
 * `courses` are the active catalogue; `records` the agent's own training records.
 */
export function trainingNeeds(input: {
  scores: DimensionScores;
  thresholdPoints: number;
  courses: readonly NeedCourse[];
  records: readonly NeedRecord[];
  today: string;
}): TrainingNeed[] {
  const { scores, thresholdPoints, today } = input;
  const byCourse = new Map<number, NeedRecord[]>();
  for (const r of input.records) byCourse.set(r.courseId, [...(byCourse.get(r.courseId) ?? []), r]);
  const needs: TrainingNeed[] = [];
  for (const dimension of TRAINED_DIMENSIONS) {
    const score = scores[dimension];
    if (score === null || score >= thresholdPoints) continue;
    const category = DIMENSION_CATEGORY[dimension];
    const suggested: SuggestedCourse[] = [];
    const recent: TrainingNeed["recent"] = [];
    const ofCategory = input.courses
      .filter((c) => c.category === category)
      .sort((a, b) => a.code.localeCompare(b.code));
    for (const course of ofCategory) {
      const records = (byCourse.get(course.id) ?? []).toSorted((a, b) => b.endDate.localeCompare(a.endDate));
      const since = addMonths(today, -recentMonthsOf(course));
      const had = records.find((r) => counts(r) && r.endDate >= since);
      if (had) recent.push({ id: course.id, code: course.code, name: course.name, endDate: had.endDate });
      else {
        const last = records[0];
        suggested.push({
          id: course.id,
          code: course.code,
          name: course.name,
          last: last ? { endDate: last.endDate, status: last.status } : null,
        });
      }
    }
    needs.push({ dimension, score, thresholdPoints, category, suggested, recent });
  }
  return needs;
}

/**
 * The period a person's suggestions are judged on: the newest of `periods` (newest first) in which any of the
 * three dimensions has a score, or null when none has.
 */
export function lastScoredPeriod<P extends { dimensions: DimensionScores }>(periods: readonly P[]): P | null {
  return periods.find((p) => TRAINED_DIMENSIONS.some((d) => p.dimensions[d] !== null)) ?? null;
}
