// The adherence page (/tenaga-kerja/kepatuhan): a period (`periode`, the current one by default), optionally one
// team (`tim`) and one agent (`staf`, their days and shifts). Read through readAdherence within the viewer's
// read:workforce scope; the page's download reads the same choice (exports/adherence.ts).
import { and, eq } from "drizzle-orm";
import { sumDays } from "../../analytics/adherence";
import { periodOf } from "../../analytics/period";
import { staff } from "../../db/schema";
import { idParam } from "../list-params";
import { hiddenOrMissing } from "./access";
import { breakAllowance, coveredRange, readAdherence, teamAdherence } from "./adherence";
import type { Database } from "./db";
import { periodChoice } from "./periods";
import { type Access, staffInScope } from "./scope";
import type { Authenticated } from "./session";
import type { Settings } from "./settings";

/** The choice of the page's address: the period, the team and the agent asked for (ids as numbers, or none). */
export function adherenceChoice(params: URLSearchParams, now = new Date()) {
  const { period, choices } = periodChoice(params.get("periode") ?? periodOf(now).id, 12, now);
  return { period, choices, teamId: idParam(params.get("tim")), staffId: idParam(params.get("staf")) };
}

export async function adherencePage(
  auth: Authenticated & { access: Access },
  request: Request,
  settings: Settings,
  now = new Date(),
) {
  const db: Database = auth.env.db;
  const choice = adherenceChoice(new URL(request.url).searchParams, now);
  if (choice.staffId !== undefined) {
    const [person] = await db
      .select({ id: staff.id })
      .from(staff)
      .where(and(eq(staff.id, choice.staffId), staffInScope(auth.access)));
    if (!person)
      await hiddenOrMissing(auth, request, { entity: "staff", id: choice.staffId }, "Petugas ini tidak ditemukan.");
  }
  const range = coveredRange(choice.period, now);
  const started = range.from <= range.to;
  const all = started ? await readAdherence(db, settings, { ...range, access: auth.access }) : [];
  const teams = teamAdherence(all);
  const shown = all.filter((r) => choice.teamId === undefined || r.teamId === choice.teamId);
  const agent = choice.staffId === undefined ? null : (shown.find((r) => r.staffId === choice.staffId) ?? null);
  return {
    period: { id: choice.period.id, label: choice.period.label },
    choices: choice.choices,
    teamId: choice.teamId ?? null,
    staffId: choice.staffId ?? null,
    range,
    started,
    breakAllowance: breakAllowance(settings),
    teams,
    teamChoices: teams.map((t) => ({ value: String(t.teamId), label: t.teamName ?? "Tanpa tim" })),
    agents: shown.map(({ days: _days, shifts: _shifts, ...rest }) => rest),
    days: sumDays((agent ? [agent] : shown).flatMap((r) => r.days)),
    agent,
    hasStates: all.some((r) => r.total.loggedInMinutes > 0 || r.total.absentShifts > 0),
  };
}
