// The building blocks of the settings' definitions (settings-definitions.ts, settings-workforce.ts): what one
// setting declares, and the number rules they share.
import { z } from "zod";
import { formatDecimal } from "../analytics/numbers";
import { numberInput } from "./number-input";

// `english`: the English term staff may know the setting by, shown once in its hint (marked as English).
// `choices`: a setting that is one of a few values, shown as a list to pick from.
export type Definition<T> = {
  schema: z.ZodType<T>;
  default: T;
  label: string;
  help: string;
  group: string;
  english?: string;
  choices?: readonly { value: string; label: string }[];
};

// Numbers are read as the imported files read them (app/number-input.ts): "7,5" and "7.5" alike. An empty field
// is refused like any other text that is not a number.
export const wholeNumber = (min: number, max: number) =>
  z.preprocess(
    numberInput,
    z
      .number({ error: "Isi dengan angka." })
      .int({ error: "Isi dengan bilangan bulat." })
      .min(min, { error: `Paling sedikit ${min}.` })
      .max(max, { error: `Paling banyak ${max}.` }),
  );

export const decimal = (min: number, max: number) =>
  z.preprocess(
    numberInput,
    z
      .number({ error: "Isi dengan angka." })
      .min(min, { error: `Paling sedikit ${formatDecimal(min)}.` })
      .max(max, { error: `Paling banyak ${max}.` }),
  );
