// What every group of the work inbox is built with (inbox.ts, inbox-office.ts).
import { type InboxGroup, type InboxItem, orderItems } from "../../analytics/inbox";
import type { Database } from "./db";
import type { Access } from "./scope";
import type { Settings } from "./settings";

/** Lines shown per group; the rest are on the page the group links to. */
const SHOWN = 8;
export const DAY_MS = 24 * 60 * 60 * 1000;

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
