// A number field of a form, read by the same parser as the imported files (analytics/numbers.ts), so "7,5",
// "7.5" and "1.234,5" mean in a form what they mean in a file. Shared by the server and the settings page.
import { parseDecimal } from "../analytics/numbers";

/**
 * For `z.preprocess` before a `z.number({ error })`: an empty field becomes null (a `.nullable()` schema takes
 * it as "not given"; any other refuses it with its message), a number text becomes its number, and text that is
 * no number stays text, which `z.number` refuses with its message. Values that are not text pass unchanged
 * (settings come back from the database as JSON numbers).
 */
export function numberInput(value: unknown): unknown {
  if (typeof value !== "string") return value;
  if (value.trim() === "") return null;
  return parseDecimal(value) ?? value;
}
