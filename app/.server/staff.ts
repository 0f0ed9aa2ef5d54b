// Staff records: the directory, a person's page, and adding and editing staff (admin, HR).
// Every query applies the viewer's scope itself (scope.ts): a petugas's query can only ever return their own row.
import { type AnyColumn, and, asc, desc, eq, ilike, isNotNull, isNull, like, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { formatDay, parseFormDate, wibDay } from "../../analytics/dates";
import { parseNip } from "../../analytics/nip";
import { GOLONGAN_CODES, POSITION_CODES } from "../../analytics/organization";
import { canonicalGroupName, groupNameProblem, normalizeGroupName } from "../../analytics/staff-group";
import { staff, teams, users } from "../../db/schema";
import type { Sort, SortColumns } from "../list-params";
import { type Actor, recordAudit } from "./audit";
import type { Database } from "./db";
import { UserFacingError } from "./errors";
import { isUniqueViolation } from "./forms";
import { type Access, staffInScope } from "./scope";

export const DIRECTORY_LIMIT = 500;

// Leaders first, as in the organisation chart.
const POSITION_ORDER = sql`array_position(array[${sql.raw(POSITION_CODES.map((p) => `'${p}'`).join(","))}]::text[], ${staff.position})`;

const GOLONGAN_ORDER = sql`array_position(array[${sql.raw(GOLONGAN_CODES.map((g) => `'${g}'`).join(","))}]::text[], ${staff.golongan})`;

/** The directory's sortable columns, with the direction of a first click. */
export const STAFF_SORTS = {
  nama: "naik",
  nip: "naik",
  tim: "naik",
  regu: "naik",
  jabatan: "naik",
  golongan: "turun",
  status: "naik",
} as const satisfies SortColumns<string>;
export type StaffSortKey = keyof typeof STAFF_SORTS;

const STAFF_SORT_COLUMNS: Record<StaffSortKey, AnyColumn | SQL> = {
  nama: staff.fullName,
  nip: staff.nip,
  tim: teams.id,
  // Groups A–Z, people without a group after them.
  regu: staff.groupName,
  jabatan: POSITION_ORDER,
  golongan: GOLONGAN_ORDER,
  // Active first when ascending.
  status: sql`(not ${staff.active})`,
};

export type DirectoryFilter = {
  query?: string;
  teamId?: number;
  status?: "aktif" | "nonaktif" | "semua";
  sort?: Sort<StaffSortKey> | null;
};

// Team and status are in the directory's address (a reload or a shared link keeps them); a value that is not one
// falls back to the whole list rather than failing the page.
const directoryInput = z.object({
  tim: z.coerce.number().int().positive().optional().catch(undefined),
  status: z.enum(["aktif", "nonaktif", "semua"]).catch("aktif"),
});
export type DirectoryParams = z.output<typeof directoryInput>;

/** The directory's filter of an address or of its search form (both have `get`). */
export function directoryParams(source: { get(name: string): unknown }): DirectoryParams {
  return directoryInput.parse({ tim: source.get("tim") || undefined, status: source.get("status") ?? undefined });
}

/**
 * The directory's rows for `access` and `filter`, and their order: the page (listStaff) and its export
 * (exports/staff.ts) read the same rows in the same order.
 */
export function directoryQuery(access: Access, filter: DirectoryFilter) {
  const conditions: (SQL | undefined)[] = [staffInScope(access)];
  const q = filter.query?.trim() ?? "";
  if (q) {
    const digits = q.replace(/\s+/g, "");
    if (/^\d+$/.test(digits)) conditions.push(like(staff.nip, `${digits}%`));
    else conditions.push(ilike(staff.fullName, `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  }
  if (filter.teamId) conditions.push(eq(staff.teamId, filter.teamId));
  if ((filter.status ?? "aktif") !== "semua") conditions.push(eq(staff.active, filter.status !== "nonaktif"));
  const orderBy: SQL[] = [
    ...(filter.sort
      ? [(filter.sort.direction === "naik" ? asc : desc)(STAFF_SORT_COLUMNS[filter.sort.key])]
      : [asc(teams.id), POSITION_ORDER]),
    asc(staff.fullName),
    asc(staff.id),
  ];
  return { where: and(...conditions), orderBy };
}

export async function listStaff(db: Database, access: Access, filter: DirectoryFilter = {}) {
  const { where, orderBy } = directoryQuery(access, filter);
  const rows = await db
    .select({
      id: staff.id,
      nip: staff.nip,
      fullName: staff.fullName,
      position: staff.position,
      golongan: staff.golongan,
      active: staff.active,
      teamName: teams.name,
      groupName: staff.groupName,
    })
    .from(staff)
    .innerJoin(teams, eq(teams.id, staff.teamId))
    .where(where)
    .orderBy(...orderBy)
    .limit(DIRECTORY_LIMIT + 1);
  return { rows: rows.slice(0, DIRECTORY_LIMIT), truncated: rows.length > DIRECTORY_LIMIT };
}

export function listTeams(db: Database) {
  return db.select({ id: teams.id, code: teams.code, name: teams.name }).from(teams).orderBy(asc(teams.id));
}

/** The group names in use, A–Z, for the staff form's suggestions. */
export async function listGroupNames(db: Database): Promise<string[]> {
  const rows = await db
    .selectDistinct({ name: staff.groupName })
    .from(staff)
    .where(isNotNull(staff.groupName))
    .orderBy(asc(staff.groupName));
  return rows.flatMap((r) => (r.name ? [r.name] : []));
}

/** `name` as the team already spells it (decision 026): "regu 1" joins the team's "Regu 1". */
async function teamGroupName(db: Database, teamId: number, name: string | null): Promise<string | null> {
  if (!name) return null;
  const rows = await db
    .selectDistinct({ name: staff.groupName })
    .from(staff)
    .where(and(eq(staff.teamId, teamId), isNotNull(staff.groupName)));
  return canonicalGroupName(
    name,
    rows.flatMap((r) => (r.name ? [r.name] : [])),
  );
}

/**
 * One staff member, or null when it does not exist or lies outside `access` (the caller answers 404 either
 * way, so a petugas cannot even learn which ids exist). Birth data only with `personal`, or for one's own record.
 */
export async function getStaff(db: Database, id: number, access: Access, personal: boolean) {
  const [row] = await db
    .select({ staff, teamName: teams.name, username: users.username })
    .from(staff)
    .innerJoin(teams, eq(teams.id, staff.teamId))
    .leftJoin(users, eq(users.staffId, staff.id))
    .where(and(eq(staff.id, id), staffInScope(access)));
  if (!row) return null;
  const own = access.staffId === id;
  const { birthPlace, birthDate, ...rest } = row.staff;
  return {
    ...rest,
    teamName: row.teamName,
    username: row.username,
    birth: personal || own ? { place: birthPlace, date: birthDate } : null,
  };
}

const requiredText = (label: string, min: number, max: number) =>
  z
    .string({ error: `${label} wajib diisi.` })
    .trim()
    .min(min, { error: `${label} wajib diisi (minimal ${min} huruf).` })
    .max(max, { error: `${label} paling panjang ${max} huruf.` });

const optionalDate = (label: string) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (!value?.trim()) return null;
      const day = parseFormDate(value);
      if (!day) {
        ctx.addIssue({
          code: "custom",
          message: `${label} tidak valid. Gunakan format HH/BB/TTTT, misalnya 05/01/2020 (tahun 1900–2199).`,
        });
        return z.NEVER;
      }
      return day;
    });

export const staffInput = z
  .object({
    nip: z.string({ error: "NIP wajib diisi (18 digit)." }).transform((value, ctx) => {
      const parsed = parseNip(value);
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: parsed.error });
        return z.NEVER;
      }
      return parsed.value;
    }),
    fullName: requiredText("Nama lengkap", 3, 120),
    birthPlace: requiredText("Tempat lahir", 2, 80),
    birthDate: optionalDate("Tanggal lahir"),
    golongan: z.enum(GOLONGAN_CODES, { error: "Pilih pangkat/golongan dari daftar." }),
    position: z.enum(POSITION_CODES, { error: "Pilih jabatan dari daftar." }),
    teamId: z.coerce.number({ error: "Pilih tim kerja." }).int().positive({ error: "Pilih tim kerja." }),
    active: z
      .string()
      .optional()
      .transform((v) => v === "on" || v === "true"),
    hireDate: optionalDate("Tanggal mulai bertugas"),
    groupName: z
      .string()
      .optional()
      .transform((value, ctx) => {
        const problem = groupNameProblem(value ?? "");
        if (problem) {
          ctx.addIssue({ code: "custom", message: problem });
          return z.NEVER;
        }
        return normalizeGroupName(value ?? "") || null;
      }),
  })
  .superRefine((input, ctx) => {
    if (input.birthDate && input.birthDate !== input.nip.birthDate) {
      ctx.addIssue({
        code: "custom",
        path: ["birthDate"],
        message: `Tanggal lahir harus sama dengan tanggal lahir dalam NIP (${formatDay(input.nip.birthDate)}). Periksa kembali NIP atau tanggal lahir.`,
      });
    }
    if (input.hireDate && input.hireDate <= input.nip.birthDate) {
      ctx.addIssue({
        code: "custom",
        path: ["hireDate"],
        message: "Tanggal mulai bertugas harus setelah tanggal lahir.",
      });
    }
    if (input.hireDate && input.hireDate > wibDay(new Date())) {
      ctx.addIssue({
        code: "custom",
        path: ["hireDate"],
        message: "Tanggal mulai bertugas tidak boleh di masa depan.",
      });
    }
  })
  .transform(({ nip, birthDate, ...rest }) => ({ ...rest, nip: nip.nip, birthDate: birthDate ?? nip.birthDate }));

export type StaffInput = z.output<typeof staffInput>;

async function assertTeam(db: Database, teamId: number) {
  const [team] = await db.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId));
  if (!team) throw new UserFacingError("Tim kerja tidak ditemukan. Pilih tim dari daftar.", "teamId");
}

async function assertNipFree(db: Database, nip: string, exceptId?: number) {
  const [other] = await db.select({ id: staff.id, fullName: staff.fullName }).from(staff).where(eq(staff.nip, nip));
  if (other && other.id !== exceptId) {
    throw new UserFacingError(
      `NIP ini sudah terdaftar atas nama ${other.fullName}. Satu NIP hanya untuk satu orang.`,
      "nip",
    );
  }
}

const DUPLICATE_NIP = "NIP ini baru saja didaftarkan oleh pengguna lain. Periksa daftar staf.";

export async function createStaff(db: Database, actor: Actor, input: StaffInput): Promise<number> {
  try {
    return await db.transaction(async (tx) => {
      await assertTeam(tx, input.teamId);
      await assertNipFree(tx, input.nip);
      const groupName = await teamGroupName(tx, input.teamId, input.groupName);
      const [row] = await tx
        .insert(staff)
        .values({ ...input, groupName })
        .returning();
      if (!row) throw new Error("insert returned nothing");
      await recordAudit(tx, actor, { action: "create", entity: "staff", entityId: row.id, after: row });
      return row.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new UserFacingError(DUPLICATE_NIP, "nip");
    throw error;
  }
}

export const STALE_EDIT =
  "Data ini telah diubah oleh pengguna lain sejak Anda membukanya. Isian Anda belum disimpan: muat ulang halaman untuk melihat data terbaru, lalu ulangi perubahan Anda.";

/** Saves an edit made on version `version`; refuses (changing nothing) when someone saved in between. */
export async function updateStaff(
  db: Database,
  actor: Actor,
  id: number,
  version: number,
  input: StaffInput,
): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      const [before] = await tx.select().from(staff).where(eq(staff.id, id)).for("update");
      if (!before) throw new UserFacingError("Staf ini tidak ditemukan; mungkin sudah dihapus.");
      if (before.version !== version) throw new UserFacingError(STALE_EDIT);
      await assertTeam(tx, input.teamId);
      await assertNipFree(tx, input.nip, id);
      const groupName = await teamGroupName(tx, input.teamId, input.groupName);
      const [after] = await tx
        .update(staff)
        // batchId null: an undo of the import that last wrote the row leaves this hand edit alone.
        .set({ ...input, groupName, batchId: null, version: version + 1, updatedAt: new Date() })
        .where(and(eq(staff.id, id), eq(staff.version, version)))
        .returning();
      if (!after) throw new UserFacingError(STALE_EDIT);
      await recordAudit(tx, actor, { action: "update", entity: "staff", entityId: id, before, after });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new UserFacingError(DUPLICATE_NIP, "nip");
    throw error;
  }
}

/** Staff with no user account yet, for linking a new account to a person. */
export function staffWithoutAccount(db: Database) {
  return db
    .select({ id: staff.id, fullName: staff.fullName, teamName: teams.name })
    .from(staff)
    .innerJoin(teams, eq(teams.id, staff.teamId))
    .leftJoin(users, eq(users.staffId, staff.id))
    .where(and(isNull(users.id), eq(staff.active, true)))
    .orderBy(asc(staff.fullName));
}
