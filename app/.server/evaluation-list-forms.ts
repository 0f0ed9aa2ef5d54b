// The filter form of the evaluation list (/evaluasi): the search text is kept with the session (never in the
// address, since it may be a NIP), the other filters go back into the list's address (decision 016).
import { z } from "zod";
import { readSort, sortParams } from "../list-params";
import { EVALUATION_SORTS, listFilter } from "./evaluation-list";
import { type FieldErrors, parseForm } from "./forms";
import { keepSearch, searchText } from "./kept-search";
import type { Permitted } from "./session";

const searchInput = z.object({ q: searchText });

/**
 * "Tampilkan" (or "hapus", which clears the search): keeps the search text and answers the list's address
 * with the chosen filters and the sort of `url`; a search text that cannot be kept comes back as an error.
 */
export async function filterListForm(
  auth: Permitted,
  form: FormData,
  url: URL,
): Promise<{ errors: FieldErrors } | { location: string }> {
  const clear = form.get("intent") === "hapus";
  const parsed = parseForm(searchInput, form);
  if (!clear && !parsed.ok) return { errors: parsed.errors };
  await keepSearch(auth.env.db, auth.sessionId, "evaluasi", clear || !parsed.ok ? "" : parsed.data.q);
  const f = listFilter(form, auth.access);
  const query = new URLSearchParams([
    ["periode", f.periodId ?? "semua"],
    ...(f.state ? [["status", f.state]] : []),
    ...(f.agentId ? [["petugas", String(f.agentId)]] : []),
    ...(f.mine ? [["milik", "saya"]] : []),
    ...sortParams(readSort(url.searchParams, EVALUATION_SORTS)),
  ]);
  return { location: `/evaluasi?${query}` };
}
