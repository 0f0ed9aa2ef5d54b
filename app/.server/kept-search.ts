// The search text of a list page, kept with the session in the database rather than in the address (decision
// 016): the form is POSTed, the text stored here, and the browser redirected to the list with only its
// filters in the URL, whose loader applies the kept text. So a NIP typed into a search reaches no URL, browser
// history or access log, and a reload or the back button still shows what was searched. Signing out (or the
// session expiring) deletes the row with the session.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { keptSearches } from "../../db/schema";
import { SEARCH_MAX_LENGTH } from "../list-params";
import type { Database } from "./db";

export type SearchPage = "staf" | "evaluasi";

/** The search field as a form sends it; blank clears the kept search. */
export const searchText = z
  .string()
  .optional()
  .transform((s) => (s ?? "").trim())
  .refine((s) => s.length <= SEARCH_MAX_LENGTH, {
    error: `Kata kunci paling panjang ${SEARCH_MAX_LENGTH} huruf. Persingkat, misalnya sebagian nama atau NIP.`,
  })
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused here.
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), {
    error: "Kata kunci berisi karakter yang tidak dapat dicari. Ketik ulang kata kuncinya.",
  });

/** Keeps `text` as the session's search of `page`; an empty text clears it. */
export async function keepSearch(db: Database, sessionId: string, page: SearchPage, text: string): Promise<void> {
  if (!text) {
    await clearSearch(db, sessionId, page);
    return;
  }
  const savedAt = new Date();
  await db
    .insert(keptSearches)
    .values({ sessionId, page, text, savedAt })
    .onConflictDoUpdate({ target: [keptSearches.sessionId, keptSearches.page], set: { text, savedAt } });
}

export async function clearSearch(db: Database, sessionId: string, page: SearchPage): Promise<void> {
  await db.delete(keptSearches).where(and(eq(keptSearches.sessionId, sessionId), eq(keptSearches.page, page)));
}

/** The session's search of `page`, or "" when there is none. */
export async function keptSearch(db: Database, sessionId: string, page: SearchPage): Promise<string> {
  const [row] = await db
    .select({ text: keptSearches.text })
    .from(keptSearches)
    .where(and(eq(keptSearches.sessionId, sessionId), eq(keptSearches.page, page)));
  return row?.text ?? "";
}
