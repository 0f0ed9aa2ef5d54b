// The staff directory (/staf) as a file: the rows the page shows with its team, status, kept search and sort —
// all of them, where the page stops at DIRECTORY_LIMIT — within the user's Access (a supervisor: their team; an
// agent: their own record). Place and date of birth only for a user who may read personal data (HR, the Kepala
// Seksi, the administrator): everyone else's file has no such columns at all.
import { eq } from "drizzle-orm";
import { pangkatLabel, positionLabel } from "../../../analytics/organization";
import { staff, teams } from "../../../db/schema";
import { readSort, type Sort } from "../../list-params";
import { UserFacingError } from "../errors";
import { keptSearch } from "../kept-search";
import { accessFor } from "../scope";
import { directoryParams, directoryQuery, listTeams, STAFF_SORTS, type StaffSortKey } from "../staff";
import { type Column, cell, excelDay } from "../workbook/cells";
import { type ListExport, paged, table } from "./list-export";

const FIELDS = {
  nip: staff.nip,
  fullName: staff.fullName,
  teamName: teams.name,
  groupName: staff.groupName,
  position: staff.position,
  golongan: staff.golongan,
  hireDate: staff.hireDate,
  active: staff.active,
};
type Row = {
  nip: string;
  fullName: string;
  teamName: string;
  groupName: string | null;
  position: string;
  golongan: string;
  hireDate: string | null;
  active: boolean;
  /** Only in the file of a user who may read personal data. */
  birthPlace?: string;
  birthDate?: string;
};

const COLUMNS: readonly Column<Row>[] = [
  { header: "NIP", width: 21, kind: "nip", value: (s) => s.nip },
  { header: "Nama", width: 30, kind: "text", value: (s) => s.fullName },
  { header: "Tim Kerja", width: 36, kind: "text", value: (s) => s.teamName },
  { header: "Regu", width: 14, kind: "text", value: (s) => s.groupName },
  { header: "Jabatan", width: 32, kind: "text", value: (s) => positionLabel(s.position) },
  { header: "Pangkat/Golongan", width: 28, kind: "text", value: (s) => pangkatLabel(s.golongan) },
  { header: "Mulai Bertugas (TMT)", width: 14, kind: "date", value: (s) => excelDay(s.hireDate) },
  { header: "Status", width: 10, kind: "text", value: (s) => (s.active ? "Aktif" : "Nonaktif") },
];
const BIRTH_COLUMNS: readonly Column<Row>[] = [
  { header: "Tempat Lahir", width: 20, kind: "text", value: (s) => s.birthPlace ?? null },
  { header: "Tanggal Lahir", width: 12, kind: "date", value: (s) => excelDay(s.birthDate ?? null) },
];

// The directory's column headers (components/staff-table.tsx), for "Urutan".
const SORT_LABELS: Record<StaffSortKey, string> = {
  nama: "Nama",
  nip: "NIP",
  tim: "Tim Kerja",
  regu: "Regu",
  jabatan: "Jabatan",
  golongan: "Pangkat/Golongan",
  status: "Status",
};
const sortLabel = (sort: Sort<StaffSortKey> | null) =>
  sort ? `${SORT_LABELS[sort.key]}, ${sort.direction}` : "Tim Kerja, lalu jabatan (bawaan)";

const STATUS_LABELS = { aktif: "Aktif", nonaktif: "Nonaktif", semua: "Semua" } as const;

export const staffExport: ListExport = {
  name: "staf",
  label: "Direktori staf",
  permission: "read:staff",
  formats: ["xlsx", "csv"],
  options: ["tim", "status", "urut", "arah"],
  async prepare(ctx, params) {
    // As the page: a team or status that is no value falls back to the whole list; a team that does not exist
    // is refused here, where the page would only show an empty list.
    const filter = directoryParams(params);
    const sort = readSort(params, STAFF_SORTS);
    const team = filter.tim ? (await listTeams(ctx.db)).find((t) => t.id === filter.tim) : undefined;
    if (filter.tim && !team) {
      throw new UserFacingError(`Tim kerja nomor ${filter.tim} tidak ada. Pilih tim dari daftar di halaman Staf.`);
    }
    const search = ctx.sessionId ? await keptSearch(ctx.db, ctx.sessionId, "staf") : "";
    const personal = accessFor(ctx.access, "read:staff_personal") !== null;
    const { where, orderBy } = directoryQuery(ctx.access, {
      query: search,
      teamId: filter.tim,
      status: filter.status,
      sort,
    });
    const fields = personal ? { ...FIELDS, birthPlace: staff.birthPlace, birthDate: staff.birthDate } : FIELDS;
    const read = (offset: number, limit: number): Promise<Row[]> =>
      ctx.db
        .select(fields)
        .from(staff)
        .innerJoin(teams, eq(teams.id, staff.teamId))
        .where(where)
        .orderBy(...orderBy)
        .limit(limit)
        .offset(offset);
    return {
      title: "Direktori Staf",
      fileStem: "Direktori_Staf",
      filters: [
        ["Tim Kerja", cell.text(team?.name ?? "Semua tim")],
        ["Status", cell.text(STATUS_LABELS[filter.status])],
        ["Pencarian", cell.text(search || "—")],
        ["Urutan", cell.text(sortLabel(sort))],
        ["Data pribadi", cell.text(personal ? "Termasuk tempat dan tanggal lahir" : "Tidak termasuk")],
      ],
      // The search text may be a NIP: the log says only that there was one.
      audit: {
        teamId: filter.tim,
        status: filter.status,
        urut: sort ? `${sort.key} ${sort.direction}` : undefined,
        search: search ? "ada" : undefined,
      },
      tables: [table("Staf", personal ? [...COLUMNS, ...BIRTH_COLUMNS] : COLUMNS, () => paged(read))],
    };
  },
};
