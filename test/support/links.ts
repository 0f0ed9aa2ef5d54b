// Walks the links a signed-in person is shown, as they would click them: from the home page and every page of
// their navigation, and one page further. Every link must answer 200 (after redirects): a link to a page the
// person may not open (403) or that does not exist (404) is a dead end. The pages are read as the server renders
// them (no JavaScript), so this checks exactly the links that work without it.
import type { APIRequestContext } from "playwright-core";

export type DeadEnd = { from: string; link: string; status: number };

/** Never followed: signing out would end the walk. */
const SKIP = [/^\/keluar\b/, /^\/assets\//, /^\/favicon/];

/** A path with its ids taken out, and the names of its query parameters: links of one shape lead to one page. */
export function shapeOf(link: string): string {
  const url = new URL(link, "http://x");
  const path = url.pathname
    .split("/")
    .map((part) => (/^\d+$|^[0-9a-f-]{36}$/.test(part) ? ":id" : part))
    .join("/");
  const keys = [...new Set(url.searchParams.keys())].sort();
  return keys.length ? `${path}?${keys.join("&")}` : path;
}

/** The links of a rendered page that stay in the app (href="/…"), without their #fragment. */
export function linksIn(html: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/<a\b[^>]*\bhref="(\/[^"]*)"/g)) {
    const href = (match[1] ?? "").replaceAll("&amp;", "&").split("#")[0] ?? "";
    if (href && !SKIP.some((s) => s.test(href))) found.add(href);
  }
  return [...found];
}

/**
 * From `start` (the home page), the main navigation's pages are read; each of their links is followed, and the
 * pages it leads to are read too, their links followed once more. The first `perShape` links of each shape (2 by
 * default) are followed; each answers 200 or is reported with the page it was on.
 */
export async function walkLinks(
  request: APIRequestContext,
  baseUrl: string,
  options: { start?: string; navigation: string[]; perShape?: number },
): Promise<{ checked: number; deadEnds: DeadEnd[] }> {
  const perShape = options.perShape ?? 2;
  const seen = new Set<string>();
  const shapes = new Map<string, number>();
  const deadEnds: DeadEnd[] = [];
  let checked = 0;

  async function visit(link: string, from: string): Promise<string | null> {
    const shape = shapeOf(link);
    const count = shapes.get(shape) ?? 0;
    if (seen.has(link) || count >= perShape) return null;
    seen.add(link);
    shapes.set(shape, count + 1);
    const response = await request.get(`${baseUrl}${link}`);
    checked += 1;
    if (response.status() !== 200) {
      deadEnds.push({ from, link, status: response.status() });
      return null;
    }
    const type = response.headers()["content-type"] ?? "";
    if (!type.startsWith("text/html")) return null;
    return response.text();
  }

  /**
   * Visits a level's links a few at a time, in their order: visit() decides whether to follow a link before its
   * first await, so the same links are followed as one by one; only the waiting for the server overlaps. Returns
   * the links of the pages read, in the order of the pages.
   */
  async function visitAll(links: [string, string][]): Promise<[string, string][]> {
    const found: [string, string][][] = links.map(() => []);
    let next = 0;
    const worker = async () => {
      while (next < links.length) {
        const i = next++;
        const [link, from] = links[i] as [string, string];
        const html = await visit(link, from);
        if (html) found[i] = linksIn(html).map((l): [string, string] => [l, link]);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENT_REQUESTS }, worker));
    return found.flat();
  }

  const main = [options.start ?? "/", ...options.navigation];
  const level1 = await visitAll(main.map((link) => [link, "(navigasi)"]));
  const level2 = await visitAll(level1);
  await visitAll(level2);
  deadEnds.sort((a, b) => a.from.localeCompare(b.from) || a.link.localeCompare(b.link));
  return { checked, deadEnds };
}

// Requests in flight at once during a walk: the server and its database work while the next request is sent.
const CONCURRENT_REQUESTS = 3;
