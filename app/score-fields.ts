// How item scores travel in a form: one radio group "nilai.<itemId>" with 1–5, "ya", "tidak" or "na",
// and one text field "catatan.<itemId>". Shared by the server (parsing) and the page (running total).
import type { ItemValue } from "../analytics/scoring";

export const valueField = (itemId: number) => `nilai.${itemId}`;
export const commentField = (itemId: number) => `catatan.${itemId}`;

/** The value a radio sends, as an item value: undefined when nothing is chosen, "invalid" when garbled. */
export function parseItemValue(raw: unknown): ItemValue | undefined | "invalid" {
  if (raw === undefined || raw === null || raw === "") return undefined;
  if (raw === "na") return null;
  if (raw === "ya") return 1;
  if (raw === "tidak") return 0;
  if (typeof raw === "string" && /^[1-5]$/.test(raw)) return Number(raw);
  return "invalid";
}

/** The radio value that shows an item value. */
export function itemValueField(value: ItemValue | undefined, scale: "1-5" | "ya_tidak"): string {
  if (value === undefined) return "";
  if (value === null) return "na";
  if (scale === "ya_tidak") return value === 1 ? "ya" : "tidak";
  return String(value);
}

/** Indonesian number format with two decimals: 85,40 (written out, so server and browser always agree). */
export function formatScore(score: number | null | undefined, decimals = 2): string {
  if (score === null || score === undefined || !Number.isFinite(score)) return "—";
  return score.toFixed(decimals).replace(".", ",");
}
