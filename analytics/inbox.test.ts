import { describe, expect, it } from "vitest";
import { dueWords, type InboxItem, inboxCount, orderItems, waitedWords } from "./inbox";

const now = new Date("2026-12-04T03:00:00Z"); // 10:00 WIB
const at = (iso: string | null, text: string): InboxItem => ({ text, to: "/", due: iso ? new Date(iso) : null });

describe("the work inbox", () => {
  it("orders overdue (longest first), then the nearest deadline, then no deadline in the order given", () => {
    const items = [
      at(null, "no deadline A"),
      at("2026-12-06T00:00:00Z", "due in 2 days"),
      at("2026-12-03T00:00:00Z", "overdue 1 day"),
      at(null, "no deadline B"),
      at("2026-12-04T05:00:00Z", "due in 2 hours"),
      at("2026-12-01T00:00:00Z", "overdue 3 days"),
    ];
    expect(orderItems(items, now).map((i) => i.text)).toEqual([
      "overdue 3 days",
      "overdue 1 day",
      "due in 2 hours",
      "due in 2 days",
      "no deadline A",
      "no deadline B",
    ]);
  });

  it("says a deadline in whole days rounded down, hours under a day, and 'kurang dari 1 jam' under an hour", () => {
    expect(dueWords(new Date("2026-12-06T02:59:00Z"), now)).toBe("sisa 1 hari"); // 47 h 59 min
    expect(dueWords(new Date("2026-12-06T03:00:00Z"), now)).toBe("sisa 2 hari");
    expect(dueWords(new Date("2026-12-04T08:30:00Z"), now)).toBe("sisa 5 jam");
    expect(dueWords(new Date("2026-12-04T03:40:00Z"), now)).toBe("sisa kurang dari 1 jam");
    expect(dueWords(new Date("2026-12-04T01:00:00Z"), now)).toBe("lewat 2 jam");
    expect(dueWords(new Date("2026-12-01T03:00:00Z"), now)).toBe("lewat 3 hari");
  });

  it("says how long something waited, and counts every group's work for the navigation", () => {
    expect(waitedWords(new Date("2026-11-30T03:00:00Z"), now)).toBe("4 hari");
    expect(waitedWords(new Date("2026-12-04T02:30:00Z"), now)).toBe("kurang dari 1 jam");
    expect(
      inboxCount([
        { key: "a", title: "A", count: 3, to: null, items: [] },
        { key: "b", title: "B", count: 4, to: "/x", items: [] },
      ]),
    ).toBe(7);
  });
});
