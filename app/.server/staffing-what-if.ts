// The what-if of the staffing plan as the address carries it (issue 16, item 4): the page's form is a GET, so a
// simulation can be reloaded, bookmarked and downloaded, and nothing is written anywhere. Empty fields change
// nothing; a value out of range is refused at its field and the plan is shown without the simulation.
import { z } from "zod";
import type { ChannelCode } from "../../analytics/organization";
import { type WhatIf, whatIfChanges } from "../../analytics/staffing-what-if";

/** The address parameters of a what-if, each with its bounds and the words of its refusal. */
const FIELDS = {
  volume: { min: -90, max: 300, message: "Perubahan volume: bilangan bulat −90 sampai 300 (persen)." },
  aht: { min: -600, max: 600, message: "Perubahan AHT: bilangan bulat −600 sampai 600 (detik)." },
  sl: { min: 1, max: 99, message: "Target tingkat layanan: bilangan bulat 1 sampai 99 (persen)." },
  jawab: { min: 1, max: 3600, message: "Waktu jawab: bilangan bulat 1 sampai 3.600 (detik)." },
  shrinkage: { min: 0, max: 95, message: "Waktu tidak tersedia: bilangan bulat 0 sampai 95 (persen)." },
  okupansi: { min: 1, max: 100, message: "Okupansi maksimum: bilangan bulat 1 sampai 100 (persen)." },
} as const;
export type WhatIfField = keyof typeof FIELDS;
export const WHAT_IF_FIELDS = Object.keys(FIELDS) as WhatIfField[];

export type WhatIfRequest = {
  /** The simulation to apply, or null when none is asked or a field was refused. */
  whatIf: WhatIf | null;
  /** What was typed, to show again. */
  values: Partial<Record<WhatIfField, string>>;
  errors: Partial<Record<WhatIfField, string>>;
  /** The what-if's part of an address ("volume=-20&aht=-20"), to carry to the download. */
  query: string;
};

/** The what-if `params` ask for, on `channel`. */
export function readWhatIf(params: URLSearchParams, channel: ChannelCode): WhatIfRequest {
  const values: WhatIfRequest["values"] = {};
  const errors: WhatIfRequest["errors"] = {};
  const numbers: Partial<Record<WhatIfField, number>> = {};
  for (const field of WHAT_IF_FIELDS) {
    const raw = params.get(field)?.trim().replace("−", "-") ?? "";
    if (raw === "") continue;
    values[field] = raw;
    const { min, max, message } = FIELDS[field];
    const parsed = z.coerce.number().int().min(min).max(max).safeParse(raw);
    if (parsed.success) numbers[field] = parsed.data;
    else errors[field] = message;
  }
  const query = new URLSearchParams(
    WHAT_IF_FIELDS.flatMap((f) => (numbers[f] !== undefined ? [[f, String(numbers[f])]] : [])),
  ).toString();
  if (Object.keys(errors).length > 0) return { whatIf: null, values, errors, query: "" };
  const percent = (n: number | undefined) => (n === undefined ? undefined : n / 100);
  const whatIf: WhatIf = {
    channel,
    volumePercent: numbers.volume ?? 0,
    ahtChangeSeconds: numbers.aht ?? 0,
    targets: {
      serviceLevel: percent(numbers.sl),
      answerSeconds: numbers.jawab,
      shrinkage: percent(numbers.shrinkage),
      maxOccupancy: percent(numbers.okupansi),
    },
  };
  return { whatIf: whatIfChanges(whatIf) ? whatIf : null, values, errors, query };
}
