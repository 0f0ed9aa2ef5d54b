// What a list page's address and search form carry, shared by loaders and components (decision 016). Sorting by
// one column goes through the address (`urut` = the column, `arah` = naik | turun), so a sorted list can be
// reloaded, bookmarked and paged, and works without JavaScript. The search text does not: it is kept with the
// session (app/.server/kept-search.ts).

/** The longest search text a list accepts. */
export const SEARCH_MAX_LENGTH = 100;

export type SortDirection = "naik" | "turun";
export type Sort<K extends string = string> = { key: K; direction: SortDirection };

/** Each sortable column with the direction a first click sorts it in (names A–Z, scores highest first). */
export type SortColumns<K extends string> = Readonly<Record<K, SortDirection>>;

/** The sort the address asks for, or null (the list's own order) when it names no sortable column. */
export function readSort<K extends string>(params: URLSearchParams, columns: SortColumns<K>): Sort<K> | null {
  const key = params.get("urut");
  if (key === null || !Object.hasOwn(columns, key)) return null;
  const asked = params.get("arah");
  return { key: key as K, direction: asked === "naik" || asked === "turun" ? asked : columns[key as K] };
}

/** The address parameters of `sort` (none for the list's own order), to carry through a redirect. */
export function sortParams(sort: Sort | null): [string, string][] {
  return sort
    ? [
        ["urut", sort.key],
        ["arah", sort.direction],
      ]
    : [];
}

/** An id in a page's address ("?tim=2"): a whole number of at most nine digits, else undefined (ignored). */
export const idParam = (text: string | null): number | undefined =>
  text && /^\d{1,9}$/.test(text) ? Number(text) : undefined;
