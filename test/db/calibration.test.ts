// Calibration (blind until closed, results, drift; never in a KPI) and coverage against the quota.
import { arrayContains } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { INTERACTION_SECTIONS } from "../../analytics/scoring";
import * as coveragePage from "../../app/routes/cakupan";
import * as newEvaluation from "../../app/routes/evaluasi.baru";
import * as calibrationList from "../../app/routes/kalibrasi._index";
import * as sessionPage from "../../app/routes/kalibrasi.$id";
import { evaluations, scorecardVersions, users } from "../../db/schema";
import { DEMO_PASSWORD } from "../../fixtures/demo";
import { demoDatabaseForThisFile } from "../support/db";
import { interactionForm, scoreForm, staffIdOf } from "../support/evaluations";
import { callRoute, sessionCookie } from "../support/routes";

const getHandle = demoDatabaseForThisFile("staff");
const db = () => getHandle().db;
type Failure = { errors: Record<string, string> };

const cookie: Record<string, string> = {};
let assessors: { id: number; username: string }[] = [];
let sessionId = 0;
let agent = 0;

beforeAll(async () => {
  assessors = await db()
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(arrayContains(users.roles, ["penilai"]))
    .orderBy(users.id);
  for (const a of assessors.slice(0, 3)) cookie[a.username] = await sessionCookie(a.username, DEMO_PASSWORD);
  cookie.koordinator = await sessionCookie("koordinator", DEMO_PASSWORD);
  cookie.kasi = await sessionCookie("kasi", DEMO_PASSWORD);
  agent = await staffIdOf(db(), "petugas");
});

const [first, second, outsider] = [0, 1, 2];
const name = (i: number) => assessors[i]?.username ?? "";
const page = (who: string) => callRoute(sessionPage, "/x", { params: { id: String(sessionId) }, cookie: cookie[who] });
const post = (who: string, form: Record<string, string>) =>
  callRoute(sessionPage, "/x", { method: "POST", params: { id: String(sessionId) }, form, cookie: cookie[who] });

describe("calibration", () => {
  it("the coordinator opens a session with two assessors and a benchmark", async () => {
    const [version] = await db().select().from(scorecardVersions).limit(1);
    const r = await callRoute(calibrationList, "/kalibrasi", {
      method: "POST",
      cookie: cookie.koordinator,
      form: {
        title: "Kalibrasi panggilan barang kiriman",
        versionId: String(version?.id),
        channel: "telepon",
        interactionRef: "CALL-KAL-9",
        interactionAt: "2026-11-27T10:00",
        "participants[]": [String(assessors[first]?.id), String(assessors[second]?.id)],
        benchmark: "on",
      },
    });
    expect(r.status).toBe(302);
    sessionId = Number(r.location?.match(/\/kalibrasi\/(\d+)/)?.[1]);
    const one = await callRoute(calibrationList, "/kalibrasi", {
      method: "POST",
      cookie: cookie.koordinator,
      form: { title: "Hanya satu", "participants[]": String(assessors[first]?.id) },
    });
    expect((one.data as Failure).errors["participants[]"]).toBe("Pilih paling sedikit dua penilai.");
  });

  it("an assessor who does not take part cannot open it or send scores", async () => {
    expect((await page(name(outsider))).status).toBe(404);
    expect((await post(name(outsider), { intent: "submit" })).status).toBe(404);
  });

  it("scores are blind: while open nobody sees anyone else's", async () => {
    const scores1 = await scoreForm(db(), agent, INTERACTION_SECTIONS, { H1: "5", S4: "5" });
    const scores2 = await scoreForm(db(), agent, INTERACTION_SECTIONS, { H1: "2", S4: "3" });
    expect((await post(name(first), { intent: "submit", ...scores1 })).status).toBe(302);
    expect((await post(name(second), { intent: "submit", ...scores2 })).status).toBe(302);
    expect(
      (
        await post("koordinator", {
          intent: "submit",
          ...(await scoreForm(db(), agent, INTERACTION_SECTIONS, { H1: "3" })),
        })
      ).status,
    ).toBe(302);
    const seen = await page(name(second));
    const data = seen.data as { result: unknown; own: Record<string, { value: number | null }> };
    expect(data.result).toBeNull();
    expect(Object.values(data.own).map((o) => o.value)).toContain(2);
    expect(JSON.stringify(seen.data)).not.toContain('"value":5');
    const coordinatorView = (await page("koordinator")).data as { result: unknown };
    expect(coordinatorView.result).toBeNull();
  });

  it("only the coordinator closes it; then everyone sees spread, consensus (the benchmark) and deviations", async () => {
    expect((await post(name(first), { intent: "close" })).status).toBe(403);
    // Closing asks first (confirmation step); a form without it changes nothing.
    expect((await post("koordinator", { intent: "close" })).status).toBe(400);
    expect((await post("koordinator", { intent: "close", konfirmasi: "ya" })).status).toBe(302);
    const r = (await page(name(first))).data as {
      result: {
        items: { spread: number | null; consensus: number | null; flagged: boolean }[];
        assessors: { meanDeviation: number | null }[];
        flaggedCount: number;
      };
    };
    // H1: 5 (100) and 2 (25) → spread 75, flagged; consensus is the coordinator's 3 (50).
    expect(r.result.items[0]).toMatchObject({ spread: 75, consensus: 50, flagged: true });
    expect(r.result.flaggedCount).toBe(2);
    expect(r.result.assessors).toHaveLength(2);
    expect(
      (await post(name(first), { intent: "submit", ...(await scoreForm(db(), agent, INTERACTION_SECTIONS)) })).status,
    ).toBe(409);
  });

  it("each assessor sees their own drift; the coordinator and Kepala Seksi see everyone's", async () => {
    const own = (await callRoute(calibrationList, "/kalibrasi", { cookie: cookie[name(first)] })).data as {
      drift: { assessorId: number }[];
    };
    expect(new Set(own.drift.map((d) => d.assessorId))).toEqual(new Set([assessors[first]?.id]));
    const all = (await callRoute(calibrationList, "/kalibrasi", { cookie: cookie.kasi })).data as {
      drift: { assessorId: number }[];
    };
    expect(all.drift).toHaveLength(2);
  });

  it("calibration scores create no evaluation", async () => {
    expect(await db().select().from(evaluations)).toEqual([]);
  });
});

describe("coverage", () => {
  it("counts submitted interaction evaluations per agent against 4 per period with at least 1 on telepon", async () => {
    const penilai = cookie[name(first)] ?? "";
    for (const channel of ["webchat", "email", "sms"]) {
      const form = { ...(await interactionForm(db(), agent)), channel };
      expect((await callRoute(newEvaluation, "/evaluasi/baru", { method: "POST", form, cookie: penilai })).status).toBe(
        302,
      );
    }
    const draft = { ...(await interactionForm(db(), agent, { intent: "draft" })) };
    await callRoute(newEvaluation, "/evaluasi/baru", { method: "POST", form: draft, cookie: penilai });
    const r = await callRoute(coveragePage, "/cakupan", {
      cookie: cookie.koordinator,
      url: "http://mutu.test/cakupan?periode=2026-11",
    });
    const data = r.data as {
      rows: {
        id: number;
        interactions: number;
        telepon: number;
        status: { met: boolean; missing: number; missingByChannel: Record<string, number> };
      }[];
      workload: { assessorId: number; submitted: number; drafts: number }[];
    };
    const row = data.rows.find((x) => x.id === agent);
    expect(row).toMatchObject({
      interactions: 3,
      telepon: 0,
      status: { met: false, missing: 1, missingByChannel: { telepon: 1 } },
    });
    expect(data.workload.find((w) => w.assessorId === assessors[first]?.id)).toMatchObject({ submitted: 3, drafts: 1 });
  });
});
