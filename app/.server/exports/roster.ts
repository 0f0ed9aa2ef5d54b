// The roster week (/tenaga-kerja/jadwal?minggu=2026-W45) as a file: one row per shift the page's grid shows
// (an agent sees their own, everyone else the whole center), in time order. A shift belongs to the WIB day it
// starts on, as on the grid; a night shift's end is the next morning. The page shows the current week with a
// message when `minggu` cannot be read; a file of another week than the one asked for would mislead, so the
// download is refused with that message instead.
import { inArray } from "drizzle-orm";
import { isoWeekday, WEEKDAY_NAMES } from "../../../analytics/dates";
import { channelShortName } from "../../../analytics/organization";
import { staff } from "../../../db/schema";
import { UserFacingError } from "../errors";
import { rosterPage, rosterWeek } from "../roster-page";
import { accessFor, reaches } from "../scope";
import { type Column, cell, excelDay } from "../workbook/cells";
import { type ListExport, table } from "./list-export";

type Grid = Awaited<ReturnType<typeof rosterPage>>;
type Shift = Grid["others"][number];
type Row = Shift & { nip: string | null };

const COLUMNS: readonly Column<Row>[] = [
  { header: "Tanggal", width: 12, kind: "date", value: (s) => excelDay(s.day) },
  { header: "Hari", width: 9, kind: "text", value: (s) => WEEKDAY_NAMES[isoWeekday(s.day) - 1] ?? null },
  { header: "Mulai (WIB)", width: 10, kind: "text", value: (s) => s.start },
  { header: "Selesai (WIB)", width: 10, kind: "text", value: (s) => s.end },
  { header: "Saluran", width: 13, kind: "text", value: (s) => channelShortName(s.channel) },
  { header: "NIP", width: 21, kind: "nip", value: (s) => s.nip },
  { header: "Nama", width: 30, kind: "text", value: (s) => s.fullName },
  { header: "Tim", width: 36, kind: "text", value: (s) => s.teamName },
  {
    header: "Keterangan",
    width: 26,
    kind: "text",
    value: (s) => (s.crossesMidnight ? "Berakhir keesokan harinya" : null),
  },
];

export const rosterExport: ListExport = {
  name: "jadwal",
  label: "Jadwal dinas satu minggu",
  permission: "read:roster",
  formats: ["xlsx", "csv"],
  options: ["minggu"],
  async prepare(ctx, params) {
    const week = rosterWeek(params.get("minggu"), ctx.now);
    if (week.error) throw new UserFacingError(week.error);
    // The page's grid, so the file holds the shifts it shows: its people's and those no longer on the list.
    const grid = await rosterPage(ctx.db, ctx.access, new URLSearchParams({ minggu: week.id }), ctx.now);
    const shifts = [...grid.people.flatMap((p) => p.shifts), ...grid.others].sort(
      (a, b) =>
        a.startsAt.getTime() - b.startsAt.getTime() ||
        a.teamId - b.teamId ||
        a.fullName.localeCompare(b.fullName, "id"),
    );
    // A supervisor sees the whole center's cover, but a NIP only of whom their staff directory reaches (their
    // team): the roster names the others without their NIP.
    const directory = accessFor(ctx.access, "read:staff");
    const staffIds = [...new Set(shifts.filter((s) => directory && reaches(directory, s)).map((s) => s.staffId))];
    const nips = staffIds.length
      ? await ctx.db.select({ id: staff.id, nip: staff.nip }).from(staff).where(inArray(staff.id, staffIds))
      : [];
    const nipOf = new Map(nips.map((s) => [s.id, s.nip]));
    const rows: Row[] = shifts.map((s) => ({ ...s, nip: nipOf.get(s.staffId) ?? null }));
    return {
      title: "Jadwal Dinas",
      fileStem: `Jadwal_${week.id}`,
      filters: [
        ["Minggu", cell.text(week.label)],
        ["Dari", cell.date(week.monday)],
        ["Sampai", cell.date(week.days.at(-1) ?? week.monday)],
        ["Sif", cell.integer(rows.length)],
        ["Petugas", cell.integer(staffIds.length)],
      ],
      audit: { week: week.id },
      tables: [table("Jadwal", COLUMNS, async () => rows)],
    };
  },
};
