// A person's mail address as forms take it: optional (empty = none, so no mail), trimmed, lower-cased.
import { z } from "zod";

const address = z.email();

export const emailInput = z
  .string()
  .optional()
  .transform((v) => (v ?? "").trim().toLowerCase())
  .refine((v) => v === "" || (v.length <= 254 && address.safeParse(v).success), {
    error: "Alamat surel tidak valid. Tulis seperti nama@beacukai.go.id, atau kosongkan.",
  })
  .transform((v) => v || null);
