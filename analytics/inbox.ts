// Pure: the order and the words of the work inbox on the home page. What is overdue comes first (the longest
// overdue at the top), then what falls due soonest, then what has no deadline, each keeping the order it came in.
// No I/O and no wall clock: `now` is passed in.

export type InboxItem = {
  text: string;
  /** The page where the work is done. */
  to: string;
  /** The deadline, when the work has one. */
  due: Date | null;
  /** A detail after the text (how long it has waited, what is still missing). */
  note?: string;
};

export type InboxGroup = {
  key: string;
  title: string;
  /** How many there are in all, as the page `to` shows them. */
  count: number;
  /** The list the count comes from; null when the lines below are the whole list. */
  to: string | null;
  items: InboxItem[];
  /** A sentence above the lines, when the count alone does not say enough. */
  summary?: string;
};

/** Overdue first, then the nearest deadline, then those without one; stable otherwise. */
export function orderItems(items: readonly InboxItem[], now: Date): InboxItem[] {
  const rank = (item: InboxItem) => (item.due === null ? 2 : item.due.getTime() < now.getTime() ? 0 : 1);
  return items
    .map((item, index) => ({ item, index }))
    .sort(
      (a, b) =>
        rank(a.item) - rank(b.item) || (a.item.due?.getTime() ?? 0) - (b.item.due?.getTime() ?? 0) || a.index - b.index,
    )
    .map((x) => x.item);
}

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/**
 * A deadline against now, in words: "lewat 2 hari", "lewat 3 jam", "sisa kurang dari 1 jam", "sisa 5 jam",
 * "sisa 3 hari". Whole days are rounded down, so "sisa 1 hari" never means less than 24 hours.
 */
export function dueWords(due: Date, now: Date): string {
  const ms = due.getTime() - now.getTime();
  const past = ms < 0;
  const span = Math.abs(ms);
  const days = Math.floor(span / DAY_MS);
  const hours = Math.floor(span / HOUR_MS);
  if (past) return days >= 1 ? `lewat ${days} hari` : hours >= 1 ? `lewat ${hours} jam` : "lewat kurang dari 1 jam";
  return days >= 1 ? `sisa ${days} hari` : hours >= 1 ? `sisa ${hours} jam` : "sisa kurang dari 1 jam";
}

/** How long something has waited since `since`: "3 hari", "5 jam", "kurang dari 1 jam". */
export function waitedWords(since: Date, now: Date): string {
  const span = Math.max(0, now.getTime() - since.getTime());
  const days = Math.floor(span / DAY_MS);
  const hours = Math.floor(span / HOUR_MS);
  return days >= 1 ? `${days} hari` : hours >= 1 ? `${hours} jam` : "kurang dari 1 jam";
}

/** Whether the item's deadline has passed at `now`. */
export const isOverdue = (item: InboxItem, now: Date) => item.due !== null && item.due.getTime() < now.getTime();

/** The number the navigation shows: every piece of waiting work in the groups. */
export const inboxCount = (groups: readonly InboxGroup[]) => groups.reduce((sum, g) => sum + g.count, 0);
