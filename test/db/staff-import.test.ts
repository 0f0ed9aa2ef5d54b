// The staff import on the real database: HR's list commits new hires, a transfer, a promotion and a leaver (kept,
// inactive, with their history); an open staff form made before the import is then refused as stale; the undo
// puts every person back, but leaves a hand edit made since alone, and is refused while an added person is used.
// The group (Regu) column: named, it sets each person's group as the team spells it; left out, groups stay.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { undoBatch } from "../../app/.server/imports/batches";
import { runImport } from "../../app/.server/imports/engine";
import { STALE_EDIT, type StaffInput, updateStaff } from "../../app/.server/staff";
import { staff, teams, users } from "../../db/schema";
import { buildDemoStaff } from "../../fixtures/people";
import { demoDatabaseForThisFile } from "../support/db";

const getHandle = demoDatabaseForThisFile("today");
const db = () => getHandle().db;
const actor = { id: null, username: "uji" };
const people = buildDemoStaff();
const moved = people.find((p) => p.team === "manajemen_layanan" && p.position === "petugas_layanan");
const promoted = people.find((p) => p.active && p.position === "petugas_layanan" && p.golongan === "III/a");
const leaver = people.filter((p) => p.team === "layanan_informasi" && p.position === "ketua_tim")[1];
const NEW_HIRE = "199703142026012003";

const importSample = (commit: boolean) =>
  runImport(db(), {
    kind: "staff",
    fileName: "staf-contoh.csv",
    source: { path: "fixtures/samples/staf-contoh.csv" },
    commit,
    validOnly: false,
    actor,
  });
const person = async (nip: string) => {
  const [row] = await db()
    .select({
      id: staff.id,
      team: teams.code,
      golongan: staff.golongan,
      active: staff.active,
      version: staff.version,
      groupName: staff.groupName,
    })
    .from(staff)
    .innerJoin(teams, eq(teams.id, staff.teamId))
    .where(eq(staff.nip, nip));
  return row;
};

describe("the staff sample on the demo", () => {
  it("commits the changes HR made; the leaver stays, inactive, with their evaluations; a form opened before is stale", async () => {
    if (!moved || !promoted || !leaver) throw new Error("the demo lacks the sample's people");
    const before = await person(moved.nip);
    const leaverId = (await person(leaver.nip))?.id ?? 0;
    const report = await importSample(true);
    expect(report).toMatchObject({ committed: true, new: 2, updated: 3, unchanged: 36, errorCount: 0 });
    expect(await person(moved.nip)).toMatchObject({ team: "layanan_informasi", version: (before?.version ?? 0) + 1 });
    expect((await person(promoted.nip))?.golongan).toBe("III/b");
    expect(await person(leaver.nip)).toMatchObject({ id: leaverId, active: false });
    expect(await person(NEW_HIRE)).toMatchObject({ team: "layanan_informasi", golongan: "II/c", active: true });
    // The file's Regu column: the transfer joins Regu 2, the new hire Regu 1, everyone else keeps theirs.
    expect((await person(moved.nip))?.groupName).toBe("Regu 2");
    expect((await person(NEW_HIRE))?.groupName).toBe("Regu 1");
    expect((await person(promoted.nip))?.groupName).toBe(promoted.groupName);
    const [row] = await db().select().from(staff).where(eq(staff.nip, moved.nip));
    if (!row || !before) throw new Error("moved person missing");
    const { id, nip, fullName, birthPlace, birthDate, golongan, position, teamId, hireDate, active } = row;
    const input = { nip, fullName, birthPlace, birthDate, teamId, hireDate, active } as StaffInput;
    Object.assign(input, { golongan, position });
    await expect(updateStaff(db(), actor, id, before.version, input)).rejects.toThrow(STALE_EDIT);
  });

  it("importing it again changes nothing; the undo puts people back but keeps a hand edit made since", async () => {
    if (!moved || !promoted || !leaver) throw new Error("the demo lacks the sample's people");
    expect(await importSample(true)).toMatchObject({ committed: true, new: 0, updated: 0, batchId: null });
    const [row] = await db().select().from(staff).where(eq(staff.nip, promoted.nip));
    if (!row) throw new Error("promoted person missing");
    const { id, nip, fullName, birthPlace, birthDate, position, teamId, hireDate, active } = row;
    const input = { nip, fullName, birthPlace, birthDate, golongan: "III/c", teamId, hireDate, active } as StaffInput;
    await updateStaff(db(), actor, id, row.version, Object.assign(input, { position }));
    const [batch] = await db().select({ batchId: staff.batchId }).from(staff).where(eq(staff.nip, moved.nip));
    await undoBatch(db(), { id: null, username: "uji" }, batch?.batchId ?? 0);
    expect((await person(moved.nip))?.team).toBe("manajemen_layanan");
    expect((await person(leaver.nip))?.active).toBe(true);
    expect((await person(promoted.nip))?.golongan).toBe("III/c");
    expect(await person(NEW_HIRE)).toBeUndefined();
  });

  it("an undo is refused, changing nothing, once an added person is used elsewhere", async () => {
    const report = await importSample(true);
    expect(report.new).toBe(2);
    const hire = await person(NEW_HIRE);
    const [assessor] = await db().select({ id: users.id }).from(users).where(eq(users.username, "penilai"));
    await db()
      .update(users)
      .set({ staffId: hire?.id ?? 0 })
      .where(eq(users.id, assessor?.id ?? 0));
    await expect(undoBatch(db(), { id: null, username: "uji" }, report.batchId ?? 0)).rejects.toThrow(
      /orang yang ditambahkannya sudah dipakai di data lain/,
    );
    expect(await person(NEW_HIRE)).toBeDefined();
    expect((await person(moved?.nip ?? ""))?.team).toBe("layanan_informasi");
  });
});

describe("groups in a staff file", () => {
  const agents = people.filter((p) => p.team === "layanan_informasi" && p.position === "petugas_layanan" && p.active);
  const line = (p: (typeof people)[number], group: string | null, golongan = p.golongan) =>
    [p.nip, p.fullName, p.birthPlace, golongan, "Petugas Layanan", "Layanan Informasi dan Pengaduan"]
      .concat(group === null ? [] : [group])
      .join(";");
  // validOnly: the valid rows are saved, a refused row is reported (HR's "save the valid rows").
  const importText = (text: string) =>
    runImport(db(), { kind: "staff", fileName: "regu.csv", source: { text }, commit: true, validOnly: true, actor });

  it("a file without the Regu column leaves every group as it is", async () => {
    const [a] = agents;
    if (!a) throw new Error("no agent");
    const before = (await person(a.nip))?.groupName;
    expect(before).not.toBeNull();
    const report = await importText(["NIP;Nama;Tempat Lahir;Golongan;Jabatan;Tim", line(a, null, "III/c")].join("\n"));
    expect(report).toMatchObject({ committed: true, updated: 1, errorCount: 0 });
    expect(await person(a.nip)).toMatchObject({ golongan: "III/c", groupName: before });
  });

  it("with the column, a group is spelt as the team spells it, an empty cell clears it, a long one is refused at its row", async () => {
    const [, b, c, d] = agents;
    if (!b || !c || !d) throw new Error("not enough agents");
    const report = await importText(
      [
        "NIP;Nama;Tempat Lahir;Golongan;Jabatan;Tim;Regu",
        line(b, "  regu   2 "),
        line(c, ""),
        line(d, "R".repeat(41)),
      ].join("\n"),
    );
    expect(report.committed).toBe(true);
    expect((await person(b.nip))?.groupName).toBe("Regu 2");
    expect((await person(c.nip))?.groupName).toBeNull();
    expect(report.errors).toEqual([
      expect.objectContaining({ row: 4, column: "Regu", message: expect.stringContaining("paling panjang 40") }),
    ]);
    expect((await person(d.nip))?.groupName).toBe(d.groupName);
  });
});
