// Every benchmark ends its output with one line of JSON holding its figures, so that runs can be compared by a
// script (bench/README.md, "Figures as JSON"): {"bench":"<name>", …figures}. Times in milliseconds or seconds as
// the key says (…Ms, …Seconds), memory in megabytes (…Mb), ratios bare.

type Figure = number | string | boolean | null;

/** Rounds to three decimals, so a line stays short; NaN and infinities become null (JSON has no NaN). */
function rounded(value: Figure): Figure {
  if (typeof value !== "number") return value;
  return Number.isFinite(value) ? Math.round(value * 1000) / 1000 : null;
}

/** Prints the benchmark's last line: its name and figures as one JSON object. */
export function printResult(bench: string, figures: Record<string, Figure>): void {
  const line: Record<string, Figure> = { bench };
  for (const [key, value] of Object.entries(figures)) line[key] = rounded(value);
  console.log(JSON.stringify(line));
}
