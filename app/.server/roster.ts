// The duty roster (jadwal dinas, regulation 2.2.1): listing shifts for the week grid, entering, changing and
// deleting one shift (audited, never two overlapping shifts of one person), and who is on duty per interval.
// Shifts are stored as start and end instants (db/schema/workforce.ts); days and clock times are WIB.
import { and, asc, eq, gt, inArray, lt, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { addDays, parseDateInput, parseFormDate, wibDay } from "../../analytics/dates";
import { CHANNELS, type ChannelCode, channelShortName } from "../../analytics/organization";
import { periodOfDay } from "../../analytics/period";
import { EVALUATED_POSITIONS, EVALUATED_TEAMS } from "../../analytics/population";
import {
  formatClock,
  formatShift,
  parseClock,
  shiftLengthProblem,
  shiftTimes,
  wibInstant,
  wibMinuteOf,
} from "../../analytics/workforce-time";
import { periods, shifts, staff, teams } from "../../db/schema";
import { type Actor, recordAudit } from "./audit";
import type { Database } from "./db";
import { InvalidInput, UserFacingError } from "./errors";
import { rowsOf } from "./imports/engine";
import { ROSTER_LOCK_SQL } from "./imports/targets";
import { type Access, staffInScope } from "./scope";

/** How far ahead a shift may be planned (the same horizon as the roster import). */
const HORIZON_DAYS = 366;

/** A WIB day 'YYYY-MM-DD' (from its 00:00) or an instant. */
type DayOrInstant = string | Date;

function instantOf(value: DayOrInstant, endOfDay: boolean): Date {
  if (value instanceof Date) return value;
  const day = parseDateInput(value);
  if (!day) throw new Error(`not a day: ${value}`);
  return wibInstant(endOfDay ? addDays(day, 1) : day, 0);
}

export type ShiftRow = {
  id: number;
  staffId: number;
  fullName: string;
  position: string;
  teamId: number;
  /** The person's group (regu) within the team now; null when none. */
  groupName: string | null;
  teamCode: string;
  teamName: string;
  channel: ChannelCode;
  startsAt: Date;
  endsAt: Date;
  /** The WIB day the shift starts on, and its clock times ('23:00', '07:00'). */
  day: string;
  start: string;
  end: string;
  durationMinutes: number;
  crossesMidnight: boolean;
  /** The import batch that last wrote it; null when entered on the roster page. */
  batchId: number | null;
};

/**
 * Shifts that overlap the range, ordered by start and name. `from` and `to` are WIB days (both included: from
 * `from` 00:00 to the end of `to`) or instants (`to` excluded). A night shift starting the evening before
 * `from` is included, since it is on duty inside the range. Limited to what `access` may see.
 */
export async function listShifts(
  db: Database,
  filter: { from: DayOrInstant; to: DayOrInstant; teamId?: number; channel?: ChannelCode; access: Access },
): Promise<ShiftRow[]> {
  const from = instantOf(filter.from, false);
  const to = instantOf(filter.to, true);
  const rows = await db
    .select({
      id: shifts.id,
      staffId: shifts.staffId,
      fullName: staff.fullName,
      position: staff.position,
      teamId: staff.teamId,
      groupName: staff.groupName,
      teamCode: teams.code,
      teamName: teams.name,
      channel: shifts.channel,
      startsAt: shifts.startsAt,
      endsAt: shifts.endsAt,
      batchId: shifts.batchId,
    })
    .from(shifts)
    .innerJoin(staff, eq(staff.id, shifts.staffId))
    .innerJoin(teams, eq(teams.id, staff.teamId))
    .where(
      and(
        // The same condition as tstzrange(...) && tstzrange(from, to), written so the GiST index serves it.
        sql`tstzrange(${shifts.startsAt}, ${shifts.endsAt}) && tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz)`,
        filter.teamId ? eq(staff.teamId, filter.teamId) : undefined,
        filter.channel ? eq(shifts.channel, filter.channel) : undefined,
        staffInScope(filter.access),
      ),
    )
    .orderBy(asc(shifts.startsAt), asc(staff.fullName));
  return rows.map((r) => {
    const startMinute = wibMinuteOf(r.startsAt);
    const durationMinutes = Math.round((r.endsAt.getTime() - r.startsAt.getTime()) / 60_000);
    return {
      ...r,
      channel: r.channel as ChannelCode,
      day: wibDay(r.startsAt),
      start: formatClock(startMinute),
      end: formatClock(startMinute + durationMinutes),
      durationMinutes,
      crossesMidnight: startMinute + durationMinutes > 24 * 60,
    };
  });
}

/** The people a roster lists (the agents and team leaders of the two answering teams), as `access` allows. */
export function rosterStaff(db: Database, access: Access) {
  return db
    .select({
      id: staff.id,
      fullName: staff.fullName,
      position: staff.position,
      teamId: staff.teamId,
      groupName: staff.groupName,
      teamCode: teams.code,
      teamName: teams.name,
    })
    .from(staff)
    .innerJoin(teams, eq(teams.id, staff.teamId))
    .where(
      and(
        eq(staff.active, true),
        inArray(teams.code, EVALUATED_TEAMS),
        inArray(staff.position, EVALUATED_POSITIONS),
        staffInScope(access),
      ),
    )
    .orderBy(asc(teams.id), asc(staff.fullName));
}

const clock = (label: string, options: { allowEndOfDay?: boolean } = {}) =>
  z.string({ error: `Isi ${label.toLowerCase()}.` }).transform((value, ctx) => {
    const minutes = parseClock(value, options);
    if (minutes === null) {
      ctx.addIssue({ code: "custom", message: `${label} ditulis JJ:MM dalam WIB, misalnya 07:00.` });
      return z.NEVER;
    }
    return minutes === 24 * 60 ? "24:00" : formatClock(minutes);
  });

/**
 * One shift as the roster page sends it: a new one (no `id`) or a change to shift `id`. Parsing its own output
 * again gives the same value (day 'YYYY-MM-DD', times 'HH:MM'), so a route may validate first.
 */
export const shiftInput = z
  .object({
    id: z.preprocess(
      (v) => (v === "" || v === null ? undefined : v),
      z.coerce.number({ error: "Sif tidak dikenal." }).int().positive({ error: "Sif tidak dikenal." }).optional(),
    ),
    staffId: z.coerce
      .number({ error: "Pilih petugas." })
      .int({ error: "Pilih petugas." })
      .positive({ error: "Pilih petugas." }),
    day: z.string({ error: "Isi tanggal." }).transform((value, ctx) => {
      const day = parseFormDate(value);
      if (!day) {
        ctx.addIssue({
          code: "custom",
          message: "Tanggal tidak valid. Gunakan HH/BB/TTTT (05/01/2026), tahun 1900–2199.",
        });
        return z.NEVER;
      }
      return day;
    }),
    start: clock("Jam mulai"),
    end: clock("Jam selesai", { allowEndOfDay: true }),
    channel: z.enum(CHANNELS.map((c) => c.code) as [ChannelCode, ...ChannelCode[]], { error: "Pilih kanal." }),
  })
  .superRefine((v, ctx) => {
    if (typeof v.start !== "string" || typeof v.end !== "string" || typeof v.day !== "string") return;
    const problem = shiftLengthProblem(timesOf(v).durationMinutes);
    if (problem) ctx.addIssue({ code: "custom", path: ["end"], message: problem });
  });
export type ShiftInput = z.input<typeof shiftInput>;

function timesOf(v: { day: string; start: string; end: string }) {
  return shiftTimes(v.day, parseClock(v.start) ?? 0, parseClock(v.end, { allowEndOfDay: true }) ?? 0);
}

async function assertDayOpen(db: Database, day: string): Promise<void> {
  const period = periodOfDay(day);
  const [row] = await db.select({ status: periods.status }).from(periods).where(eq(periods.id, period.id));
  if (row?.status === "approved") {
    throw new UserFacingError(
      `${period.label} sudah disetujui Kepala Seksi dan dikunci: jadwal dinas di dalamnya tidak dapat diubah tanpa membuka kembali periode itu.`,
      "day",
    );
  }
}

/** A staff member the roster may hold, within `access`; otherwise a message saying why not. */
async function rosterable(db: Database, staffId: number, access: Access) {
  const [person] = await db
    .select({ id: staff.id, fullName: staff.fullName, active: staff.active })
    .from(staff)
    .where(and(eq(staff.id, staffId), staffInScope(access)));
  if (!person)
    throw new UserFacingError(
      "Petugas ini tidak ada, atau bukan anggota tim atau regu yang jadwalnya Anda kelola.",
      "staffId",
    );
  if (!person.active) throw new UserFacingError(`${person.fullName} sudah tidak aktif.`, "staffId");
  return person;
}

async function shiftInScope(db: Database, id: number, access: Access) {
  const [row] = await db
    .select({ shift: shifts })
    .from(shifts)
    .innerJoin(staff, eq(staff.id, shifts.staffId))
    .where(and(eq(shifts.id, id), staffInScope(access)));
  if (!row)
    throw new UserFacingError("Sif ini tidak ditemukan, atau bukan milik tim atau regu yang jadwalnya Anda kelola.");
  return row.shift;
}

const auditShape = (s: { staffId: number; startsAt: Date; endsAt: Date; channel: string }) => ({
  staffId: s.staffId,
  startsAt: s.startsAt.toISOString(),
  endsAt: s.endsAt.toISOString(),
  channel: s.channel,
});

/**
 * Adds a shift, or changes shift `input.id`; returns its id. Refused (UserFacingError naming the field) for
 * a person outside `access` (manage:roster scope), an inactive person, a day in a locked period or more than a
 * year ahead, and a shift overlapping another of the same person. Invalid input throws InvalidInput.
 */
export async function saveShift(
  db: Database,
  actor: Actor,
  input: ShiftInput,
  access: Access,
): Promise<{ id: number }> {
  const parsed = shiftInput.safeParse(input);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "_form")] ??= issue.message;
    throw new InvalidInput(errors);
  }
  const value = parsed.data;
  const times = timesOf(value);
  if (value.day > addDays(wibDay(new Date()), HORIZON_DAYS)) {
    throw new UserFacingError("Tanggal ini lebih dari setahun ke depan. Periksa tahunnya.", "day");
  }
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw(ROSTER_LOCK_SQL));
    const before = value.id ? await shiftInScope(tx, value.id, access) : null;
    if (before) await assertDayOpen(tx, wibDay(before.startsAt));
    await assertDayOpen(tx, value.day);
    const person = await rosterable(tx, value.staffId, access);
    const [overlap] = await tx
      .select({ startsAt: shifts.startsAt, endsAt: shifts.endsAt, channel: shifts.channel })
      .from(shifts)
      .where(
        and(
          eq(shifts.staffId, person.id),
          lt(shifts.startsAt, times.endsAt),
          gt(shifts.endsAt, times.startsAt),
          value.id ? ne(shifts.id, value.id) : undefined,
        ),
      )
      .orderBy(asc(shifts.startsAt))
      .limit(1);
    if (overlap) {
      throw new UserFacingError(
        `Bertumpang tindih dengan sif ${person.fullName} yang lain: ${formatShift(overlap.startsAt, overlap.endsAt)} (${channelShortName(overlap.channel)}). Ubah atau hapus sif itu dulu.`,
        "start",
      );
    }
    // Changed by hand, a shift no longer belongs to the batch that imported it: undoing that batch keeps it.
    const values = {
      staffId: person.id,
      startsAt: times.startsAt,
      endsAt: times.endsAt,
      channel: value.channel,
      batchId: null,
      updatedBy: actor.id,
      updatedAt: new Date(),
    };
    const [row] = before
      ? await tx.update(shifts).set(values).where(eq(shifts.id, before.id)).returning({ id: shifts.id })
      : await tx.insert(shifts).values(values).returning({ id: shifts.id });
    if (!row) throw new Error("shift write returned nothing");
    await recordAudit(tx, actor, {
      action: before ? "update" : "create",
      entity: "shift",
      entityId: row.id,
      before: before ? auditShape(before) : undefined,
      after: auditShape(values),
    });
    return { id: row.id };
  });
}

/** Deletes shift `id` (audited); refused outside `access` or in a locked period. */
export async function deleteShift(db: Database, actor: Actor, id: number, access: Access): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql.raw(ROSTER_LOCK_SQL));
    const before = await shiftInScope(tx, id, access);
    await assertDayOpen(tx, wibDay(before.startsAt));
    await tx.delete(shifts).where(eq(shifts.id, id));
    await recordAudit(tx, actor, { action: "delete", entity: "shift", entityId: id, before: auditShape(before) });
  });
}

export type RosteredInterval = {
  /** The interval's start, and its WIB day and minute after midnight. */
  startsAt: Date;
  day: string;
  startMinute: number;
  channel: ChannelCode;
  /** People on duty for at least part of the interval. */
  agents: number;
  /** Agent time on duty in the interval ÷ the interval length: 1.5 = one agent all of it, one half of it. */
  staffedAgents: number;
};

/**
 * Who is rostered per interval and channel, over WIB days `from`–`to` (both included), intervals of
 * `intervalMinutes`. Only intervals with someone on duty are returned; an interval missing is 0 agents.
 */
export async function rosteredPerInterval(
  db: Database,
  filter: { from: string; to: string; intervalMinutes: number; channel?: ChannelCode },
): Promise<RosteredInterval[]> {
  const from = instantOf(filter.from, false).toISOString();
  const to = instantOf(filter.to, true).toISOString();
  const length = sql`make_interval(mins => ${filter.intervalMinutes}::int)`;
  // Each shift lists the intervals it overlaps (about 16 for an 8-hour shift of 30-minute intervals), from the
  // one it starts in: a join of every interval of the range with every shift compared ~1,300 intervals of four
  // weeks with each shift, 0.2 s for the demo's roster alone. Shifts are clipped to the range; the grid starts at
  // `from`, in steps of the interval length.
  const rows = rowsOf<{ starts_ms: number; channel: string; agents: number; staffed: number }>(
    await db.execute(sql`
    with clipped as (
      select s.staff_id, s.channel,
        greatest(s.starts_at, ${from}::timestamptz) as a, least(s.ends_at, ${to}::timestamptz) as b
      from ${shifts} s
      where s.starts_at < ${to}::timestamptz and s.ends_at > ${from}::timestamptz and s.starts_at < s.ends_at
        ${filter.channel ? sql`and s.channel = ${filter.channel}` : sql``}
    ), cells as (
      select c.staff_id, c.channel, g as starts_at,
        extract(epoch from least(c.b, g + ${length}) - greatest(c.a, g))::float8 as seconds
      from clipped c cross join lateral generate_series(
        ${from}::timestamptz
          + floor(extract(epoch from c.a - ${from}::timestamptz) / (${filter.intervalMinutes}::int * 60)) * ${length},
        c.b - interval '1 microsecond', ${length}) g
    )
    select extract(epoch from starts_at)::float8 * 1000 as starts_ms, channel,
      count(distinct staff_id)::int as agents,
      sum(seconds)::float8 / (${filter.intervalMinutes}::int * 60) as staffed
    from cells
    group by starts_at, channel
    order by starts_at, channel`),
  );
  return rows.map((r) => {
    const startsAt = new Date(Number(r.starts_ms));
    return {
      startsAt,
      day: wibDay(startsAt),
      startMinute: wibMinuteOf(startsAt),
      channel: r.channel as ChannelCode,
      agents: Number(r.agents),
      staffedAgents: Number(r.staffed),
    };
  });
}
