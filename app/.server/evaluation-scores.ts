// Item scores of an evaluation, a period review or a calibration: from what a form sent to checked values,
// section scores and the snapshot a revision keeps. The form fields themselves are read in score-forms.ts.
import { type ItemSection, type ItemValue, itemValueProblem, scoreEvaluation } from "../../analytics/scoring";
import type { RevisionSnapshot } from "../../db/schema/evaluations";
import { commentField, valueField } from "../score-fields";
import type { FrozenVersion, VersionItem } from "./scorecards";

/**
 * The scores as sent, by item id. An item is in `values` when its field was sent: undefined when nothing was
 * chosen, "invalid" for a value no scale has. An item is in `comments` when its comment field was sent.
 */
export type SentScores = {
  values: ReadonlyMap<number, ItemValue | undefined | "invalid">;
  comments: ReadonlyMap<number, string>;
};

export type ScoreInput = { values: Map<number, ItemValue | undefined>; comments: Map<number, string> };

const COMMENT_MAX = 2000;

/** The scores of `items` among those sent; garbled values and overlong comments are reported per field. */
export function readScores(
  sent: SentScores,
  items: readonly VersionItem[],
): ScoreInput & { errors: Record<string, string> } {
  const values = new Map<number, ItemValue | undefined>();
  const comments = new Map<number, string>();
  const errors: Record<string, string> = {};
  for (const item of items) {
    const value = sent.values.get(item.id);
    if (value === "invalid") errors[valueField(item.id)] = "Nilai tidak dikenal. Pilih salah satu pilihan.";
    else values.set(item.id, value);
    const comment = (sent.comments.get(item.id) ?? "").trim();
    if (comment.length > COMMENT_MAX) errors[commentField(item.id)] = "Catatan paling panjang 2.000 karakter.";
    comments.set(item.id, comment.slice(0, COMMENT_MAX));
  }
  return { values, comments, errors };
}

/** Every item must be scored for a submission; a draft may leave items open but not hold impossible values. */
export function scoreProblems(
  items: readonly VersionItem[],
  input: ScoreInput,
  complete: boolean,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const item of items) {
    const value = input.values.get(item.id);
    if (value === undefined && !complete) continue;
    const problem = itemValueProblem(item, value);
    if (problem) errors[valueField(item.id)] = problem;
  }
  return errors;
}

export function computeScores(
  version: Pick<FrozenVersion, "items" | "weights">,
  sections: readonly ItemSection[],
  values: Map<number, ItemValue | undefined>,
) {
  const known = new Map([...values].filter((e): e is [number, ItemValue] => e[1] !== undefined));
  const r = scoreEvaluation(version.items, known, version.weights, sections);
  return {
    hardskill: r.sections.hardskill ?? null,
    softskill: r.sections.softskill ?? null,
    kedisiplinan: r.sections.kedisiplinan ?? null,
    total: r.total,
    criticalFailed: r.criticalFailed,
  };
}

export function snapshot(
  items: readonly VersionItem[],
  input: ScoreInput,
  computed: ReturnType<typeof computeScores>,
  note: string,
): RevisionSnapshot {
  return {
    scores: items.map((i) => ({
      itemId: i.id,
      value: input.values.get(i.id) ?? null,
      comment: input.comments.get(i.id) ?? "",
    })),
    hardskill: computed.hardskill,
    softskill: computed.softskill,
    kedisiplinan: computed.kedisiplinan,
    total: computed.total,
    criticalFailed: computed.criticalFailed,
    note,
  };
}
