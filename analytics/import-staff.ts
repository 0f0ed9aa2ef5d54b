// Pure: one row of a staff file — the people data HR keeps (new hires, transfers between teams, promotions,
// leavers). The NIP is the natural key and gives the birth date; the rank, position and team are read by code or
// by the words people write ("Penata Muda III/a", "Petugas Layanan", "Tim Kerja Manajemen Layanan").
import { addDays, formatDay } from "./dates";
import { dateOf, named, type RowContext, type RowResult, required, rowReader } from "./import-cells";
import type { HeaderMap } from "./import-header";
import { parseNip } from "./nip";
import { GOLONGAN, type GolonganCode, POSITIONS, type PositionCode, TEAMS, type TeamCode } from "./organization";
import { groupNameProblem, normalizeGroupName } from "./staff-group";

export type StaffRow = {
  nip: string;
  fullName: string;
  birthPlace: string;
  birthDate: string;
  golongan: GolonganCode;
  position: PositionCode;
  teamId: number;
  /** The group (regu), normalised; null for none. Only when the file has the column (`groupGiven`). */
  groupName: string | null;
  /** Whether the file has a group column: without it an import leaves each person's group as it is. */
  groupGiven: boolean;
  hireDate: string | null;
  active: boolean;
};

/** Names compare as headers do: case, spaces, "-" and "_" aside; "(Supervisor)" and "Tim Kerja" may be left out. */
const key = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");

const GOLONGAN_BY_TEXT = new Map<string, GolonganCode>(
  GOLONGAN.flatMap((g) => [
    [key(g.code), g.code],
    [key(`${g.pangkat} ${g.code}`), g.code],
    [key(`${g.pangkat}, ${g.code}`), g.code],
    [key(`${g.pangkat} (${g.code})`), g.code],
  ]),
);

const POSITION_BY_TEXT = new Map<string, PositionCode>(
  POSITIONS.flatMap((p) => [
    [key(p.code), p.code],
    [key(p.label), p.code],
    [key(p.label.replace(/\s*\(.*\)$/, "")), p.code],
  ]),
);
// The regulation's own word for the team coordinator, and the English one.
POSITION_BY_TEXT.set("supervisor", "koordinator_tim_kerja");
POSITION_BY_TEXT.set("team leader", "ketua_tim");
POSITION_BY_TEXT.set("agent", "petugas_layanan");
POSITION_BY_TEXT.set("assessor", "penilai");

const TEAM_BY_TEXT = new Map<string, TeamCode>(
  TEAMS.flatMap((t) => [
    [key(t.code), t.code],
    [key(t.name), t.code],
    [key(t.name.replace(/^Tim Kerja /, "")), t.code],
  ]),
);

const ACTIVE: Record<string, boolean> = {
  ya: true,
  yes: true,
  aktif: true,
  y: true,
  true: true,
  "1": true,
  tidak: false,
  no: false,
  n: false,
  nonaktif: false,
  tidak_aktif: false,
  false: false,
  "0": false,
};

const choices = (list: readonly string[]) => `${list.slice(0, -1).join(", ")} atau ${list.at(-1)}`;

/** Validates one data row of a staff file. `row` is the row number as a spreadsheet shows it. */
export function validateStaffRow(
  cells: readonly string[],
  row: number,
  header: HeaderMap,
  headerRow: readonly string[],
  ctx: RowContext,
): RowResult<StaffRow> {
  const { out, col, get } = rowReader("staff", cells, header, headerRow);

  let nip: ReturnType<typeof parseNip> | null = null;
  if (required(get("nip"), row, col("nip"), out)) {
    nip = parseNip(get("nip"));
    if (!nip.ok) out.errors.push({ row, column: col("nip"), message: nip.error });
  }

  // The same limits as the staff form.
  const fullName = get("name").replace(/\s+/g, " ");
  if (required(fullName, row, col("name"), out) && (fullName.length < 3 || fullName.length > 120)) {
    out.errors.push({ row, column: col("name"), message: "Nama lengkap harus 3–120 karakter." });
  }
  const birthPlace = get("birthPlace").replace(/\s+/g, " ");
  if (required(birthPlace, row, col("birthPlace"), out) && (birthPlace.length < 2 || birthPlace.length > 80)) {
    out.errors.push({ row, column: col("birthPlace"), message: "Tempat lahir harus 2–80 karakter." });
  }

  const golonganText = get("grade");
  const golongan = golonganText ? (GOLONGAN_BY_TEXT.get(key(golonganText)) ?? null) : null;
  if (required(golonganText, row, col("grade"), out) && !golongan) {
    out.errors.push({
      row,
      column: col("grade"),
      message: `Golongan "${golonganText}" tidak dikenal. Tulis seperti III/a atau Penata Muda III/a (II/a sampai IV/b).`,
    });
  }

  const positionText = get("position");
  const position = positionText ? (POSITION_BY_TEXT.get(key(positionText)) ?? null) : null;
  if (required(positionText, row, col("position"), out) && !position) {
    out.errors.push({
      row,
      column: col("position"),
      message: `Jabatan "${positionText}" tidak dikenal. Isi ${choices(POSITIONS.map((p) => p.label.replace(/\s*\(.*\)$/, "")))}.`,
    });
  }

  const teamText = get("team");
  const teamCode = teamText ? (TEAM_BY_TEXT.get(key(teamText)) ?? null) : null;
  const teamId = teamCode ? (ctx.teamIdByCode.get(teamCode) ?? null) : null;
  if (required(teamText, row, col("team"), out) && !teamId) {
    out.errors.push({
      row,
      column: col("team"),
      message: `Tim "${teamText}" tidak dikenal. Isi ${choices(TEAMS.map((t) => t.name))} (atau kodenya).`,
    });
  }

  const groupGiven = header.columns.has("group");
  const groupName = normalizeGroupName(get("group")) || null;
  const groupProblem = groupNameProblem(get("group"));
  if (groupProblem) out.errors.push({ row, column: col("group"), message: groupProblem });

  // A new hire may be entered before the first day of work, not years ahead (a typing mistake).
  const latest = addDays(ctx.today, 366);
  const hireDate = dateOf(get("hireDate"), row, col("hireDate"), "TMT", ctx, out, {
    day: latest,
    tooLate: (day) => `TMT ${formatDay(day)} lebih dari setahun ke depan. Periksa tahunnya.`,
  });
  if (hireDate && nip?.ok && hireDate < nip.value.birthDate) {
    out.errors.push({
      row,
      column: col("hireDate"),
      message: `TMT ${formatDay(hireDate)} sebelum tanggal lahir dari NIP (${formatDay(nip.value.birthDate)}).`,
    });
  }

  const activeText = get("active");
  const active = activeText === "" ? true : named(ACTIVE, activeText);
  if (active === null) {
    out.errors.push({
      row,
      column: col("active"),
      message: `Aktif "${activeText}" tidak dikenal. Isi ya atau tidak (kosong berarti ya).`,
    });
  }

  if (out.errors.length > 0 || !nip?.ok || !golongan || !position || !teamId || active === null) {
    return { value: null, key: null, ...out };
  }
  return {
    value: {
      nip: nip.value.nip,
      fullName,
      birthPlace,
      birthDate: nip.value.birthDate,
      golongan,
      position,
      teamId,
      groupName,
      groupGiven,
      hireDate,
      active,
    },
    key: nip.value.nip,
    ...out,
  };
}
