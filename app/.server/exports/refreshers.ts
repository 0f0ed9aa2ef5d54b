// The refreshers due (/pelatihan/penyegaran) as a file: the page's lines with its filters (course, team), judged
// on the day of the download, each person with their NIP — for HR and the QA coordinator, who plan the sessions.
import { eq, inArray } from "drizzle-orm";
import { wibDay } from "../../../analytics/dates";
import { DUE_WINDOW_DAYS, type RefresherLine } from "../../../analytics/refreshers";
import { staff, teams, trainingCourses } from "../../../db/schema";
import { UserFacingError } from "../errors";
import { filterRefreshers, refresherFilterFrom, refresherList } from "../refreshers";
import { type Column, cell, excelDay } from "../workbook/cells";
import { type ListExport, table } from "./list-export";

type Row = RefresherLine & { nip: string };

// The page matches its filters as written: "3" is course 3, "3.0" or "x" none.
const idOf = (value: string) => (/^\d{1,9}$/.test(value) ? Number(value) : 0);

const COLUMNS: readonly Column<Row>[] = [
  { header: "NIP", width: 21, kind: "nip", value: (l) => l.nip },
  { header: "Nama", width: 30, kind: "text", value: (l) => l.fullName },
  { header: "Tim Kerja", width: 36, kind: "text", value: (l) => l.teamName },
  { header: "Kode Pelatihan", width: 14, kind: "text", value: (l) => l.courseCode },
  { header: "Pelatihan", width: 40, kind: "wrap", value: (l) => l.courseName },
  { header: "Terakhir Mengikuti", width: 12, kind: "date", value: (l) => excelDay(l.lastEndDate) },
  { header: "Jatuh Tempo", width: 12, kind: "date", value: (l) => excelDay(l.dueDate) },
  {
    header: "Keadaan",
    width: 24,
    kind: "text",
    value: (l) => (l.overdue ? "Lewat waktu" : `Jatuh tempo dalam ${DUE_WINDOW_DAYS} hari`),
  },
];

export const refreshersExport: ListExport = {
  name: "penyegaran",
  label: "Penyegaran jatuh tempo",
  permission: "manage:training_record",
  formats: ["xlsx", "csv"],
  options: ["kursus", "tim"],
  async prepare(ctx, params) {
    const filter = refresherFilterFrom(params);
    const day = wibDay(ctx.now);
    const [course] = filter.kursus
      ? await ctx.db
          .select({ code: trainingCourses.code, name: trainingCourses.name })
          .from(trainingCourses)
          .where(eq(trainingCourses.id, idOf(filter.kursus)))
      : [];
    if (filter.kursus && !course) {
      throw new UserFacingError(
        `Pelatihan nomor "${filter.kursus.slice(0, 20)}" tidak ada di katalog. Pilih pelatihan dari daftar di halaman Penyegaran jatuh tempo.`,
      );
    }
    const [team] = filter.tim
      ? await ctx.db
          .select({ name: teams.name })
          .from(teams)
          .where(eq(teams.id, idOf(filter.tim)))
      : [];
    if (filter.tim && !team) {
      throw new UserFacingError(
        `Tim kerja nomor "${filter.tim.slice(0, 20)}" tidak ada. Pilih tim dari daftar di halaman Penyegaran jatuh tempo.`,
      );
    }
    async function rows(): Promise<Row[]> {
      const lines = filterRefreshers(await refresherList(ctx.db, day, ctx.access), filter);
      if (lines.length === 0) return [];
      const ids = [...new Set(lines.map((l) => l.staffId))];
      const nips = new Map(
        (await ctx.db.select({ id: staff.id, nip: staff.nip }).from(staff).where(inArray(staff.id, ids))).map((s) => [
          s.id,
          s.nip,
        ]),
      );
      return lines.map((l) => ({ ...l, nip: nips.get(l.staffId) ?? "" }));
    }
    return {
      title: "Penyegaran Jatuh Tempo",
      fileStem: `Penyegaran_${day}${course ? `_${course.code}` : ""}`,
      filters: [
        ["Per tanggal", cell.date(day)],
        ["Pelatihan", cell.text(course ? `${course.code} — ${course.name}` : "Semua pelatihan")],
        ["Tim Kerja", cell.text(team?.name ?? "Semua tim")],
        ["Jatuh tempo", cell.text(`Lewat waktu, atau dalam ${DUE_WINDOW_DAYS} hari`)],
      ],
      audit: { code: course?.code, teamId: team && filter.tim ? idOf(filter.tim) : undefined, day },
      tables: [table("Penyegaran", COLUMNS, rows)],
    };
  },
};
