// The item-score fields of a submitted form (app/score-fields.ts), as the typed scores the evaluation,
// period-review and calibration modules take.
import { commentField, parseItemValue, valueField } from "../score-fields";
import type { SentScores } from "./evaluation-scores";

/** The item id a field named by `field` (valueField, commentField) stands for, or null for another field. */
function itemIdOf(name: string, field: (itemId: number) => string): number | null {
  const digits = /(\d+)$/.exec(name)?.[1];
  const id = digits === undefined ? Number.NaN : Number(digits);
  return Number.isSafeInteger(id) && field(id) === name ? id : null;
}

/** Every score and comment field the form carries (the first value of a field sent twice). */
export function sentScores(form: FormData): SentScores {
  const values = new Map<number, ReturnType<typeof parseItemValue>>();
  const comments = new Map<number, string>();
  for (const name of new Set(form.keys())) {
    const valued = itemIdOf(name, valueField);
    if (valued !== null) values.set(valued, parseItemValue(form.get(name)));
    const commented = itemIdOf(name, commentField);
    if (commented !== null) comments.set(commented, String(form.get(name) ?? ""));
  }
  return { values, comments };
}
