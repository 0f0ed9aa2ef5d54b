import { pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { sessions } from "./auth";

// The search text of a list page (/staf, /evaluasi), kept with the session instead of in the address: a NIP or
// a name typed into a search must never reach a URL, a browser history or an access log (decision 016). It
// lives and dies with the session row.
export const keptSearches = pgTable(
  "kept_searches",
  {
    sessionId: text()
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    // The list it belongs to: "staf", "evaluasi".
    page: text().notNull(),
    text: text().notNull(),
    savedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.page] })],
);

export type KeptSearch = typeof keptSearches.$inferSelect;
