// The work inbox on the demo data, through the pages as each role opens them: every group's count is the count
// of the page it links to (same scope), every line leads to a page that role may open, overdue lines come first,
// and the navigation's number is the sum.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { wibDay } from "../../analytics/dates";
import { issueCertificate } from "../../app/.server/certificates";
import { getSettings } from "../../app/.server/settings";
import * as root from "../../app/root";
import * as coveragePage from "../../app/routes/cakupan";
import * as evaluationList from "../../app/routes/evaluasi._index";
import * as evaluationPage from "../../app/routes/evaluasi.$id._index";
import * as eligibilityPage from "../../app/routes/kelayakan._index";
import * as kpiPage from "../../app/routes/kpi._index";
import * as refresherPage from "../../app/routes/pelatihan.penyegaran";
import { users } from "../../db/schema";
import { DEMO_PASSWORD } from "../../fixtures/demo";
import { demoDatabaseForThisFile } from "../support/db";
import { callRoute, sessionCookie } from "../support/routes";

const db = demoDatabaseForThisFile("today");

type Group = {
  key: string;
  count: number;
  to: string | null;
  items: { to: string; overdue: boolean; due: string | null }[];
};

async function inboxOf(username: string) {
  const cookie = await sessionCookie(username, DEMO_PASSWORD);
  const home = await callRoute(root, "/", { cookie });
  const groups = (home.data as { inbox: Group[] }).inbox;
  const byKey = (key: string) => {
    const g = groups.find((x) => x.key === key);
    if (!g) throw new Error(`${username} has no inbox group ${key}: ${groups.map((x) => x.key).join(", ")}`);
    return g;
  };
  return { cookie, groups, byKey };
}

/** The page a group links to, as `cookie` opens it. */
function open(module: Parameters<typeof callRoute>[0], to: string, cookie: string) {
  return callRoute(module, to.replace(/#.*$/, ""), { cookie });
}

describe("the work inbox of each demo role", () => {
  it("the agent: the evaluation waiting for their answer, with the days left, and the page lets them answer", async () => {
    const { cookie, byKey } = await inboxOf("petugas");
    const waiting = byKey("tanggapan");
    expect(waiting.count).toBeGreaterThanOrEqual(1);
    expect(waiting.items).toHaveLength(waiting.count);
    for (const item of waiting.items) {
      expect(item.due).toMatch(/WIB$/);
      const id = item.to.split("/").at(-1) ?? "";
      const page = await callRoute(evaluationPage, item.to, { cookie, params: { id } });
      expect(page.status).toBe(200);
      expect(page.data).toMatchObject({ canRespond: true });
    }
  });

  it("the assessor: their drafts as the list shows them, and the agents below quota as coverage counts them", async () => {
    const { cookie, byKey } = await inboxOf("penilai");
    const drafts = byKey("draf");
    const list = await open(evaluationList, drafts.to ?? "", cookie);
    expect(drafts.count).toBe((list.data as { total: number }).total);
    const quota = byKey("kuota");
    const coverage = (await open(coveragePage, quota.to ?? "", cookie)).data as { rows: unknown[]; met: number };
    expect(quota.count).toBe(coverage.rows.length - coverage.met);
    expect(quota.items.length).toBeLessThanOrEqual(8);
  });

  it("the coordinator: disputes oldest first as the disputed list counts them, and the refreshers due", async () => {
    const { cookie, byKey } = await inboxOf("koordinator");
    const disputes = byKey("sanggahan");
    const list = await open(evaluationList, disputes.to ?? "", cookie);
    expect(disputes.count).toBe((list.data as { total: number }).total);
    const refreshers = byKey("penyegaran");
    const page = (await open(refresherPage, refreshers.to ?? "", cookie)).data as { lines: unknown[] };
    expect(refreshers.count).toBe(page.lines.length);
    // Overdue lines first.
    const flags = refreshers.items.map((i) => i.overdue);
    expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
  });

  it("the supervisor: their team's disputes and the agents below the threshold as the KPI page lists them", async () => {
    const { cookie, byKey } = await inboxOf("supervisor");
    const disputes = byKey("sanggahan");
    expect(disputes.count).toBe(
      ((await open(evaluationList, disputes.to ?? "", cookie)).data as { total: number }).total,
    );
    const below = byKey("di-bawah-batas");
    const kpi = (await open(kpiPage, below.to ?? "", cookie)).data as { below: unknown[] };
    expect(below.count).toBe(kpi.below.length);
  });

  it("the Kepala Seksi: periods to approve, certificates to issue and decisions to record, as /kelayakan filters them", async () => {
    const { cookie, byKey } = await inboxOf("kasi");
    expect(byKey("periode").count).toBeGreaterThanOrEqual(1);
    for (const key of ["terbitkan", "keputusan-mampu"]) {
      const group = byKey(key);
      const page = (await open(eligibilityPage, group.to ?? "", cookie)).data as { rows: unknown[] };
      expect(group.count, key).toBe(page.rows.length);
    }
  });

  it("the Kepala Seksi's certificates to issue follow a certificate issued at once (eligibility is held only until then)", async () => {
    const before = (await inboxOf("kasi")).byKey("terbitkan");
    const first = new URL(before.items[0]?.to ?? "", "http://x").searchParams;
    const [kasi] = await db()
      .db.select({ id: users.id, username: users.username })
      .from(users)
      .where(eq(users.username, "kasi"));
    await issueCertificate(db().db, { id: kasi?.id ?? 0, username: "kasi" }, await getSettings(db().db), {
      staffId: Number(first.get("staf")),
      role: first.get("peran") as "petugas_layanan",
      issuedOn: wibDay(new Date()),
    });
    const after = (await inboxOf("kasi")).groups.find((g) => g.key === "terbitkan");
    expect(after?.count ?? 0).toBe(before.count - 1);
    expect(after?.items.some((i) => i.to === before.items[0]?.to) ?? false).toBe(false);
  });

  it("HR: the refreshers due; the navigation's number is the sum of the groups; the administrator has nothing", async () => {
    const { groups, byKey } = await inboxOf("hr");
    expect(byKey("penyegaran").count).toBeGreaterThan(0);
    expect(groups.map((g) => g.key)).toEqual(["penyegaran"]);
    const admin = await inboxOf("admin");
    expect(admin.groups).toEqual([]);
  });
});
