// What every group of the work inbox is built with (inbox.ts, inbox-office.ts).
import { type InboxGroup, type InboxItem, orderItems } from "../../analytics/inbox";
import type { Database } from "./db";
import type { Access } from "./scope";
import type { Settings } from "./settings";

/** Lines shown per group; the rest are on the page the group links to. */
const SHOWN = 8;
export const DAY_MS = 24 * 60 * 60 * 1000;

/** Work due on a WIB day is due by the end of it: 23.59 WIB, as the inbox shows it. */
export const dueByEndOf = (day: string) => new Date(`${day}T23:59:00+07:00`);

export type InboxContext = { db: Database; access: Access; settings: Settings; now: Date };

/** A group of `count` pieces of work, its lines in the inbox's order, cut to SHOWN when a page lists them all. */
export function group(
  key: string,
  title: string,
  to: string | null,
  items: InboxItem[],
  now: Date,
  count = items.length,
): InboxGroup {
  return { key, title, count, to, items: orderItems(items, now).slice(0, to ? SHOWN : undefined) };
}
