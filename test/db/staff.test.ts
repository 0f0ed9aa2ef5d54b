// Adding, editing and finding staff through the real routes: bad input changes nothing and says what to fix;
// each viewer sees only what their scope allows.
import { and, arrayContains, count, eq, ne } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as newEvaluation from "../../app/routes/evaluasi.baru";
import * as signOut from "../../app/routes/keluar";
import * as directory from "../../app/routes/staf._index";
import * as staffPage from "../../app/routes/staf.$id._index";
import * as editStaff from "../../app/routes/staf.$id.ubah";
import * as newStaff from "../../app/routes/staf.baru";
import { auditLog, keptSearches, staff, teams, users } from "../../db/schema";
import { DEMO_PASSWORD } from "../../fixtures/demo";
import { demoDatabaseForThisFile } from "../support/db";
import { interactionForm, staffIdOf } from "../support/evaluations";
import { callRoute, sessionCookie } from "../support/routes";

const getHandle = demoDatabaseForThisFile("staff");
const db = () => getHandle().db;

let hr = "";
let supervisor = "";
let petugas = "";
let teamId = 0;

beforeAll(async () => {
  hr = await sessionCookie("hr", DEMO_PASSWORD);
  supervisor = await sessionCookie("supervisor", DEMO_PASSWORD);
  petugas = await sessionCookie("petugas", DEMO_PASSWORD);
  const [team] = await db().select().from(teams).where(eq(teams.code, "layanan_informasi"));
  teamId = team?.id ?? 0;
});

const valid = () => ({
  nip: "19900512 201503 2 007",
  fullName: "Nurul Hidayati",
  birthPlace: "Bogor",
  birthDate: "",
  golongan: "III/a",
  position: "petugas_layanan",
  teamId: String(teamId),
  active: "on",
  hireDate: "2019-02-01",
});

const staffCount = async () => (await db().select({ n: count() }).from(staff))[0]?.n ?? 0;

async function create(form: Record<string, string>) {
  return callRoute(newStaff, "/staf/baru", { method: "POST", form, cookie: hr });
}

type Failure = { errors: Record<string, string>; values: Record<string, string> };

describe("adding staff", () => {
  it("saves a valid record with spaces removed from the NIP and the birth date taken from it, and audits it", async () => {
    const result = await create(valid());
    expect(result.status).toBe(302);
    const id = Number(result.location?.match(/^\/staf\/(\d+)\?disimpan=1$/)?.[1]);
    const [row] = await db().select().from(staff).where(eq(staff.id, id));
    expect(row).toMatchObject({
      nip: "199005122015032007",
      birthDate: "1990-05-12",
      fullName: "Nurul Hidayati",
      active: true,
    });
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(id)));
    expect(audit).toMatchObject({ action: "create", entity: "staff", actorLabel: "hr" });
  });

  it.each([
    ["1.99005E+17", /Excel/],
    ["19900512201503200", /18 digit.*17 digit/],
    ["199013122015032007", /tanggal lahir/],
    ["199005122015033007", /jenis kelamin/],
  ])(
    "refuses the NIP %s with a message next to the field, keeps what was typed, and saves nothing",
    async (nip, message) => {
      const before = await staffCount();
      const result = await create({ ...valid(), nip });
      expect(result.status).toBe(400);
      const data = result.data as Failure;
      expect(data.errors.nip).toMatch(message);
      expect(data.values).toMatchObject({ nip, fullName: "Nurul Hidayati", birthPlace: "Bogor" });
      expect(await staffCount()).toBe(before);
    },
  );

  it("refuses a duplicate NIP, naming who holds it, and saves nothing", async () => {
    const [existing] = await db().select().from(staff).limit(1);
    const before = await staffCount();
    const result = await create({ ...valid(), nip: existing?.nip ?? "" });
    expect(result.status).toBe(409);
    expect((result.data as Failure).errors.nip).toBe(
      `NIP ini sudah terdaftar atas nama ${existing?.fullName}. Satu NIP hanya untuk satu orang.`,
    );
    expect(await staffCount()).toBe(before);
  });

  it("refuses a birth date that differs from the NIP's", async () => {
    const result = await create({ ...valid(), nip: "199005122015032008", birthDate: "1990-05-13" });
    expect(result.status).toBe(400);
    expect((result.data as Failure).errors.birthDate).toMatch(/sama dengan tanggal lahir dalam NIP \(12 Mei 1990\)/);
  });

  it("names every missing field at once", async () => {
    const result = await create({ nip: "" });
    const errors = (result.data as Failure).errors;
    expect(Object.keys(errors).sort()).toEqual(
      ["birthPlace", "fullName", "golongan", "nip", "position", "teamId"].sort(),
    );
    expect(errors.nip).toBe("NIP wajib diisi (18 digit).");
  });

  it("accepts DD/MM/YYYY dates (05/01/2020 is 5 January)", async () => {
    const result = await create({ ...valid(), nip: "199005122015032009", hireDate: "05/01/2020" });
    expect(result.status).toBe(302);
    const [row] = await db().select().from(staff).where(eq(staff.nip, "199005122015032009"));
    expect(row?.hireDate).toBe("2020-01-05");
  });

  it("refuses a date in year 0 or a two-digit slip such as 0026 with what to type, and saves nothing", async () => {
    const before = await staffCount();
    for (const hireDate of ["01/01/0000", "05/01/0026", "0000-12-31", "01/01/2200"]) {
      const result = await create({ ...valid(), nip: "199005122015032010", hireDate });
      expect(result.status).toBe(400);
      expect((result.data as Failure).errors.hireDate).toMatch(/HH\/BB\/TTTT.*tahun 1900–2199/);
    }
    expect(await staffCount()).toBe(before);
  });
});

describe("editing staff", () => {
  it("saves an edit and bumps the version; a second edit from the same stale page is refused and changes nothing", async () => {
    const [row] = await db().select().from(staff).where(eq(staff.nip, "199005122015032007"));
    if (!row) throw new Error("setup");
    const form = { ...valid(), fullName: "Nurul Hidayati, S.E.", version: String(row.version) };
    const first = await callRoute(editStaff, "/staf/x/ubah", {
      method: "POST",
      params: { id: String(row.id) },
      form,
      cookie: hr,
    });
    expect(first.status).toBe(302);
    const stale = await callRoute(editStaff, "/staf/x/ubah", {
      method: "POST",
      params: { id: String(row.id) },
      form: { ...form, fullName: "Nama Lain" },
      cookie: hr,
    });
    expect(stale.status).toBe(409);
    expect((stale.data as Failure).errors._form).toMatch(/telah diubah oleh pengguna lain/);
    expect((stale.data as Failure).values.fullName).toBe("Nama Lain");
    const [after] = await db().select().from(staff).where(eq(staff.id, row.id));
    expect(after).toMatchObject({ fullName: "Nurul Hidayati, S.E.", version: row.version + 1 });
    const audits = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(row.id)));
    const update = audits.find((a) => a.action === "update");
    expect(update?.before).toMatchObject({ fullName: "Nurul Hidayati" });
    expect(update?.after).toMatchObject({ fullName: "Nurul Hidayati, S.E." });
  });

  it("refuses to move a NIP onto another person's", async () => {
    const [a, b] = await db().select().from(staff).limit(2);
    if (!a || !b) throw new Error("setup");
    const result = await callRoute(editStaff, "/staf/x/ubah", {
      method: "POST",
      params: { id: String(a.id) },
      form: { ...valid(), nip: b.nip, fullName: a.fullName, version: String(a.version) },
      cookie: hr,
    });
    expect(result.status).toBe(409);
    const [unchanged] = await db().select().from(staff).where(eq(staff.id, a.id));
    expect(unchanged?.nip).toBe(a.nip);
  });
});

describe("finding staff", () => {
  type Listed = { rows: { id: number; fullName: string; nip: string; teamName: string; active: boolean }[] };
  const list = async (cookie: string, path = "/staf") =>
    (await callRoute(directory, path.replace(/\?.*/, ""), { cookie, url: `http://mutu.test${path}` })).data as Listed &
      Record<string, unknown>;
  const search = (cookie: string, form: Record<string, string>, path = "/staf?index") =>
    callRoute(directory, "/staf", { method: "POST", cookie, form, url: `http://mutu.test${path}` });

  it("Cari keeps the search with the session, out of the address; the list after the redirect shows the matches", async () => {
    const all = (await list(hr, "/staf?status=semua")).rows;
    const wanted = all.filter((r) => /harahap/i.test(r.fullName));
    expect(wanted.length).toBeGreaterThan(0);
    expect(wanted.length).toBeLessThan(all.length);
    const sent = await search(hr, { q: "harahap", tim: String(teamId), status: "semua", intent: "cari" });
    expect(sent.status).toBe(303);
    expect(sent.location).toBe(`/staf?tim=${teamId}&status=semua`);
    const after = await list(hr, sent.location ?? "");
    expect(after.search).toBe("harahap");
    expect(after.rows.length).toBeGreaterThan(0);
    for (const r of after.rows) {
      expect(r.fullName).toMatch(/harahap/i);
      expect(r.teamName).toBe("Tim Kerja Layanan Informasi dan Pengaduan");
    }
    // A reload keeps it; another session (another person, another browser) does not see it.
    expect((await list(hr, sent.location ?? "")).rows).toEqual(after.rows);
    const other = await sessionCookie("hr", DEMO_PASSWORD);
    expect((await list(other, "/staf?status=semua")).rows).toHaveLength(all.length);
  });

  it("searches by NIP prefix (spaces allowed) and by part of a name in any case", async () => {
    const [someone] = await db().select().from(staff).where(eq(staff.active, true)).limit(1);
    if (!someone) throw new Error("setup");
    await search(hr, { q: `${someone.nip.slice(0, 8)} ${someone.nip.slice(8, 14)}`, status: "semua" });
    const byNip = (await list(hr, "/staf?status=semua")).rows;
    expect(byNip.map((r) => r.id)).toContain(someone.id);
    for (const r of byNip) expect(r.nip.startsWith(someone.nip.slice(0, 14))).toBe(true);
    const part = someone.fullName.split(" ")[1] ?? "";
    await search(hr, { q: part.toUpperCase(), status: "semua" });
    const byName = (await list(hr, "/staf?status=semua")).rows;
    expect(byName.map((r) => r.id)).toContain(someone.id);
    for (const r of byName) expect(r.fullName.toLowerCase()).toContain(part.toLowerCase());
  });

  it("keeps the sort through a search, and Hapus pencarian forgets the text but keeps the filters", async () => {
    const sent = await search(hr, { q: "a", status: "semua" }, "/staf?index&urut=nama&arah=turun");
    expect(sent.location).toBe("/staf?status=semua&urut=nama&arah=turun");
    const sorted = (await list(hr, sent.location ?? "")).rows.map((r) => r.fullName);
    expect(sorted).toEqual([...sorted].sort((a, b) => b.localeCompare(a, "en", { sensitivity: "base" })));
    const cleared = await search(hr, { q: "a", status: "semua", intent: "hapus" });
    expect(cleared.location).toBe("/staf?status=semua");
    const after = await list(hr, "/staf?status=semua");
    expect(after.search).toBe("");
    expect(after.rows.length).toBe((await db().select().from(staff)).length);
  });

  it("a search that is too long or holds control characters is refused with a message and changes nothing", async () => {
    await search(hr, { q: "pratama" });
    const long = await search(hr, { q: "x".repeat(101) });
    expect(long.status).toBe(400);
    expect((long.data as { errors: Record<string, string> }).errors.q).toMatch(/paling panjang 100 huruf/);
    const nul = await search(hr, { q: "pra\u0000tama" });
    expect(nul.status).toBe(400);
    expect((await list(hr)).search).toBe("pratama");
  });

  it("signing out deletes the kept search with the session", async () => {
    const cookie = await sessionCookie("koordinator", DEMO_PASSWORD);
    const before = (await db().select().from(keptSearches)).length;
    await search(cookie, { q: "harahap" });
    expect(await db().select().from(keptSearches)).toHaveLength(before + 1);
    await callRoute(signOut, "/keluar", { method: "POST", cookie });
    expect(await db().select().from(keptSearches)).toHaveLength(before);
  });

  it("a supervisor sees only their own team, even when asking for another team", async () => {
    const [other] = await db().select().from(teams).where(eq(teams.code, "penjamin_kualitas"));
    expect((await list(supervisor, `/staf?status=semua&tim=${other?.id}`)).rows).toEqual([]);
    const rows = (await list(supervisor)).rows;
    expect(rows.length).toBeGreaterThan(20);
    expect(new Set(rows.map((r) => r.teamName))).toEqual(new Set(["Tim Kerja Layanan Informasi dan Pengaduan"]));
    await search(supervisor, { q: "harahap", status: "aktif" });
    const found = (await list(supervisor)).rows;
    expect(found.length).toBeGreaterThan(0);
    for (const r of found) expect(r.fullName).toMatch(/harahap/i);
  });

  it("a petugas reads their own record, birth data included, and no one else's", async () => {
    const [me] = await db().select({ staffId: users.staffId }).from(users).where(eq(users.username, "petugas"));
    const own = await callRoute(staffPage, "/staf/x", { params: { id: String(me?.staffId) }, cookie: petugas });
    expect(own.status).toBe(200);
    expect((own.data as { person: { birth: unknown } }).person.birth).not.toBeNull();
    const [other] = await db().select().from(staff).limit(1);
    const result = await callRoute(staffPage, "/staf/x", { params: { id: String(other?.id) }, cookie: petugas });
    expect(result.status).toBe(404);
    expect(JSON.stringify(result.data)).not.toContain(other?.nip ?? "-");
  });

  it("a penilai sees a colleague's NIP but not their place and date of birth", async () => {
    const penilai = await sessionCookie("penilai", DEMO_PASSWORD);
    const [other] = await db().select().from(staff).limit(1);
    const result = await callRoute(staffPage, "/staf/x", { params: { id: String(other?.id) }, cookie: penilai });
    expect(result.status).toBe(200);
    const person = (result.data as { person: { nip: string; birth: unknown } }).person;
    expect(person.nip).toBe(other?.nip);
    expect(person.birth).toBeNull();
    expect(JSON.stringify(result.data)).not.toContain(other?.birthDate ?? "-");
  });
});

describe("an agent's page", () => {
  type Page = {
    canEvaluate: boolean;
    canOpenCertificates: boolean;
    evaluations: { recent: { id: number; state: string }[]; total: number } | null;
  };
  const open = async (cookie: string, id: number) =>
    (await callRoute(staffPage, "/staf/x", { params: { id: String(id) }, cookie })).data as Page;
  let agent = 0;
  let submitted = 0;
  let draft = 0;

  beforeAll(async () => {
    agent = await staffIdOf(db(), "petugas");
    const penilai = await sessionCookie("penilai", DEMO_PASSWORD);
    const save = async (intent: "submit" | "draft") => {
      const r = await callRoute(newEvaluation, "/evaluasi/baru", {
        method: "POST",
        cookie: penilai,
        form: await interactionForm(db(), agent, { intent }),
      });
      return Number(r.location?.match(/\/evaluasi\/(\d+)/)?.[1]);
    };
    submitted = await save("submit");
    draft = await save("draft");
  });

  it("offers an assessor to score the agent, and lists their evaluations with the assessor's own draft", async () => {
    const page = await open(await sessionCookie("penilai", DEMO_PASSWORD), agent);
    expect(page.canEvaluate).toBe(true);
    expect(page.evaluations?.total).toBe(2);
    expect(page.evaluations?.recent.map((e) => e.id).sort()).toEqual([submitted, draft].sort());
  });

  it("another assessor does not see that draft; the supervisor and the agent see the evaluation but may not score", async () => {
    const [other] = await db()
      .select({ username: users.username })
      .from(users)
      .where(and(arrayContains(users.roles, ["penilai"]), ne(users.username, "penilai")))
      .limit(1);
    const colleague = await open(await sessionCookie(other?.username ?? "", DEMO_PASSWORD), agent);
    expect(colleague).toMatchObject({ canEvaluate: true, evaluations: { total: 1 } });
    for (const cookie of [supervisor, petugas]) {
      const page = await open(cookie, agent);
      expect(page.canEvaluate).toBe(false);
      expect(page.evaluations?.recent.map((e) => e.id)).toEqual([submitted]);
    }
  });

  it("HR sees neither evaluations nor the way to score; nobody is offered to score someone who is not evaluated", async () => {
    expect(await open(hr, agent)).toMatchObject({ canEvaluate: false, evaluations: null });
    const [assessor] = await db()
      .select({ staffId: users.staffId })
      .from(users)
      .where(eq(users.username, "koordinator"));
    const penilai = await sessionCookie("penilai", DEMO_PASSWORD);
    expect((await open(penilai, assessor?.staffId ?? 0)).canEvaluate).toBe(false);
  });

  it("links certificates only for those who may open them (the QA coordinator sees eligibility, not certificates)", async () => {
    const koordinator = await sessionCookie("koordinator", DEMO_PASSWORD);
    const kasi = await sessionCookie("kasi", DEMO_PASSWORD);
    expect((await open(koordinator, agent)).canOpenCertificates).toBe(false);
    expect((await open(kasi, agent)).canOpenCertificates).toBe(true);
    expect((await open(hr, agent)).canOpenCertificates).toBe(true);
    expect((await open(supervisor, agent)).canOpenCertificates).toBe(true);
  });
});
