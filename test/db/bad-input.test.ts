// A NUL byte wherever text comes in is refused as bad input (400, nothing saved), never a 500 at the database;
// and an error that does reach the log carries none of the data the query held. On PGlite and PostgreSQL.
import { and, count, eq, sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { NUL_IN_ADDRESS, NUL_REFUSED } from "../../app/.server/forms";
import { errorLine } from "../../app/.server/log";
import * as evaluationList from "../../app/routes/evaluasi._index";
import * as newEvaluation from "../../app/routes/evaluasi.baru";
import * as newStaff from "../../app/routes/staf.baru";
import { auditLog, evaluations, loginAttempts, staff } from "../../db/schema";
import { DEMO_PASSWORD } from "../../fixtures/demo";
import { demoDatabaseForThisFile } from "../support/db";
import { interactionForm, staffIdOf } from "../support/evaluations";
import { callRoute, sessionCookie, signIn, uploadThroughPage } from "../support/routes";

const getHandle = demoDatabaseForThisFile("staff");
const db = () => getHandle().db;
const NUL = "\u0000";

const who: Record<string, string> = {};
beforeAll(async () => {
  for (const u of ["admin", "penilai", "hr"]) who[u] = await sessionCookie(u, DEMO_PASSWORD);
});

const evaluationCount = async () => (await db().select({ n: count() }).from(evaluations))[0]?.n;

describe("a NUL byte", () => {
  it("in the sign-in username or password is refused (400) with a message, and recorded as a failed sign-in", async () => {
    const before = await db().select({ n: count() }).from(loginAttempts);
    for (const [username, password] of [
      [`admin${NUL}`, DEMO_PASSWORD],
      ["admin", `${DEMO_PASSWORD}${NUL}`],
    ] as const) {
      const result = await signIn(username, password, { remoteAddress: "10.9.0.1" });
      expect(result.status).toBe(400);
      expect(result.setCookie).toBeNull();
      expect(result.data).toMatchObject({ message: expect.stringMatching(/karakter yang tidak diizinkan \(NUL\)/) });
    }
    const after = await db().select({ n: count() }).from(loginAttempts);
    expect((after[0]?.n ?? 0) - (before[0]?.n ?? 0)).toBe(2);
    const audited = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "login_failed"), sql`${auditLog.after}->>'reason' = 'invalid_input'`));
    expect(audited.map((a) => a.actorLabel)).toEqual(["admin\uFFFD", "admin"]);
    // The right password from the same address still works: two refusals lock nothing.
    expect((await signIn("admin", DEMO_PASSWORD, { remoteAddress: "10.9.0.1" })).status).toBe(302);
  });

  it("in a staff member's name is refused (400) before anything is saved", async () => {
    const [team] = await db().select({ teamId: staff.teamId }).from(staff).limit(1);
    const result = await callRoute(newStaff, "/staf/baru", {
      method: "POST",
      cookie: who.admin,
      form: {
        nip: "199001012015031005",
        fullName: `Budi${NUL} Santoso`,
        birthPlace: "Tangerang",
        golongan: "III/a",
        position: "petugas_layanan",
        teamId: String(team?.teamId),
        active: "on",
      },
    });
    expect(result.status).toBe(400);
    expect(result.data).toEqual({ message: NUL_REFUSED });
    expect(await db().select().from(staff).where(eq(staff.nip, "199001012015031005"))).toEqual([]);
  });

  it("in an evaluation's note or interaction reference is refused (400), and no evaluation is saved", async () => {
    const agent = await staffIdOf(db(), "petugas");
    const before = await evaluationCount();
    for (const change of [{ note: `Baik${NUL}` }, { interactionRef: `CALL${NUL}1` }] as Record<string, string>[]) {
      const form = { ...(await interactionForm(db(), agent, { at: "2026-11-27T09:30" })), ...change };
      const result = await callRoute(newEvaluation, "/evaluasi/baru", { method: "POST", cookie: who.penilai, form });
      expect(result.status, JSON.stringify(change)).toBe(400);
      expect(result.data).toEqual({ message: NUL_REFUSED });
    }
    expect(await evaluationCount()).toBe(before);
  });

  it("in a field's name is refused (400) as well", async () => {
    const named = await callRoute(newStaff, "/staf/baru", {
      method: "POST",
      cookie: who.admin,
      form: { [`q${NUL}`]: "x" },
    });
    expect(named.status).toBe(400);
    expect(named.data).toEqual({ message: NUL_REFUSED });
  });

  it("in the address (a filter, a path) is refused (400)", async () => {
    const filtered = await callRoute(evaluationList, "/evaluasi", {
      cookie: who.penilai,
      url: "http://mutu.test/evaluasi?periode=2026-11%00",
    });
    expect(filtered.status).toBe(400);
    expect(filtered.data).toEqual({ message: NUL_IN_ADDRESS });
  });

  it("in a CSV file is refused as a whole, with the import's own message (not as a form field)", async () => {
    const file = new File([`nip;kode_pelatihan;tanggal_selesai;status\n1990${NUL};X;01/01/2026;lulus\n`], "a.csv");
    const result = await uploadThroughPage(who.hr, file);
    expect(result.status).toBe(400);
    expect(JSON.stringify(result.data)).toMatch(/berisi karakter NUL, jadi bukan teks CSV/);
  });

  it("in an uploaded file's name is refused (400)", async () => {
    const result = await uploadThroughPage(who.hr, new File(["nip\n"], `a${NUL}.csv`));
    expect(result.status).toBe(400);
    expect(result.data).toEqual({ message: NUL_REFUSED });
  });
});

describe("an error from the database, as logged", () => {
  const logged: string[] = [];
  afterEach(() => {
    logged.length = 0;
  });

  it("carries no value of the query's parameters: no name, place, date or raw NUL, in the message or the stack", async () => {
    const secrets = ["Budi Santoso", "Tangerang", "1992-08-04"];
    for (const query of [
      sql`select ${`${secrets.join(" ")}`}::int`, // PostgreSQL quotes the value in its message
      sql`select ${`Budi Santoso${NUL}Tangerang 1992-08-04`}::text`, // refused by the driver: a raw NUL
      sql`select ${"Budi Santoso"}::date, ${"Tangerang"}, ${"1992-08-04"}::date`,
    ]) {
      const error = await db()
        .execute(query)
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(Error);
      logged.push(errorLine("POST /staf/baru", error));
    }
    for (const line of logged) {
      for (const secret of [...secrets, "Budi", "Santoso", NUL]) expect(line).not.toContain(secret);
      expect(line).toContain("params: [disembunyikan]");
      expect(line).toMatch(/\n {4}at /); // the stack frames are still there to find the code
    }
  });
});
