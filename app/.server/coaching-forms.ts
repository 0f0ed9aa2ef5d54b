// Writing coaching (pembinaan): opening a session with its agreed actions, the agent's acknowledgement, another
// action, and the follow-up of each action. Each is one transaction with its audit line; a step that someone else
// took first is refused with what happened ("sudah ditanggapi … muat ulang").
import { and, asc, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { z } from "zod";
import { endOfWibDay } from "../../analytics/certified-staff";
import { ACTION_ROWS } from "../../analytics/coaching";
import { parseFormDate, wibDay } from "../../analytics/dates";
import { periodFromId } from "../../analytics/period";
import {
  coachingActions,
  coachingSessionEvaluations,
  coachingSessions,
  evaluations,
  staff,
  users,
} from "../../db/schema";
import { type Actor, recordAudit } from "./audit";
import type { Database } from "./db";
import { InvalidInput, UserFacingError } from "./errors";
import { formValues, parseForm, type SubmitResult, submitForm } from "./forms";
import { agentKpi } from "./period-kpi";
import { type Access, reaches } from "./scope";
import type { Settings } from "./settings";

type Person = { id: number; teamId: number; groupName: string | null; fullName: string };

/** The agent a session may be opened for: an active staff member `access` (manage:coaching) reaches. */
export async function coachableAgent(db: Database, access: Access, staffId: number): Promise<Person | null> {
  if (!Number.isSafeInteger(staffId)) return null;
  const [person] = await db
    .select({
      id: staff.id,
      teamId: staff.teamId,
      groupName: staff.groupName,
      fullName: staff.fullName,
      active: staff.active,
    })
    .from(staff)
    .where(eq(staff.id, staffId));
  if (!person?.active || person.id === access.staffId) return null;
  return reaches(access, { staffId: person.id, ...person }) ? person : null;
}

/**
 * Who may own an agreed action: the agent (when they have an account), the coach, the QA team (coordinators and
 * assessors), the supervisors of the agent's team and the Ketua Tim of the agent's group; active accounts only.
 * The agent comes first.
 */
export async function ownerChoices(db: Database, agent: Person, coachUserId: number) {
  const rows = await db
    .select({ id: users.id, displayName: users.displayName, staffId: users.staffId, teamId: staff.teamId })
    .from(users)
    .leftJoin(staff, eq(staff.id, users.staffId))
    .where(
      and(
        isNull(users.disabledAt),
        or(
          eq(users.staffId, agent.id),
          eq(users.id, coachUserId),
          sql`${users.roles} && array['koordinator_qa', 'penilai']::text[]`,
          and(sql`'supervisor' = any(${users.roles})`, eq(staff.teamId, agent.teamId)),
          agent.groupName === null
            ? undefined
            : and(
                sql`'ketua_tim' = any(${users.roles})`,
                eq(staff.teamId, agent.teamId),
                eq(staff.groupName, agent.groupName),
              ),
        ),
      ),
    )
    .orderBy(asc(users.displayName));
  const own = rows.filter((r) => r.staffId === agent.id);
  return [...own, ...rows.filter((r) => r.staffId !== agent.id)].map((r) => ({
    value: r.id,
    label: r.staffId === agent.id ? `${r.displayName} (petugas)` : r.displayName,
  }));
}

/** The agent's evaluations a session can start from: sent ones, newest first (the last 30). */
export function evaluationChoices(db: Database, agentId: number) {
  return db
    .select({
      id: evaluations.id,
      kind: evaluations.kind,
      periodId: evaluations.periodId,
      interactionAt: evaluations.interactionAt,
      total: evaluations.total,
    })
    .from(evaluations)
    .where(and(eq(evaluations.agentStaffId, agentId), ne(evaluations.state, "draft")))
    .orderBy(sql`${evaluations.interactionAt} desc nulls last`, sql`${evaluations.id} desc`)
    .limit(30);
}

const text = (what: string, min: number, max = 5000) =>
  z
    .string({ error: `Tuliskan ${what}.` })
    .trim()
    .min(min, { error: `Tuliskan ${what} (minimal ${min} karakter).` })
    .max(max, { error: `Paling panjang ${max.toLocaleString("id-ID")} karakter.` });

const day = (what: string) =>
  z.string({ error: `Isi ${what}.` }).transform((value, ctx) => {
    const parsed = parseFormDate(value);
    if (!parsed) {
      ctx.addIssue({ code: "custom", message: `${what} tidak valid. Gunakan HH/BB/TTTT, misalnya 15/12/2026.` });
      return z.NEVER;
    }
    return parsed;
  });

const actionFields = (n: number | "") => ({
  [`description${n}`]: text("tindakan yang disepakati", 5, 1000),
  [`owner${n}`]: z.coerce
    .number({ error: "Pilih penanggung jawab." })
    .int()
    .positive({ error: "Pilih penanggung jawab." }),
  [`due${n}`]: day("Tenggat"),
});

type ActionInput = { description: string; ownerUserId: number; dueOn: string };

/** The action rows the person filled in; a row left wholly empty is not an action, a half-filled one is an error. */
function readActions(raw: Record<string, unknown>): { actions: ActionInput[]; errors: Record<string, string> } {
  const actions: ActionInput[] = [];
  const errors: Record<string, string> = {};
  for (let n = 1; n <= ACTION_ROWS; n++) {
    const cells = [`description${n}`, `owner${n}`, `due${n}`].map((k) => String(raw[k] ?? "").trim());
    if (cells.every((c) => c === "")) continue;
    const parsed = z.object(actionFields(n)).safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
      continue;
    }
    const row = parsed.data as Record<string, string | number>;
    actions.push({
      description: String(row[`description${n}`]),
      ownerUserId: Number(row[`owner${n}`]),
      dueOn: String(row[`due${n}`]),
    });
  }
  if (actions.length === 0 && Object.keys(errors).length === 0) {
    errors.description1 =
      "Tuliskan paling sedikit satu tindakan yang disepakati, dengan penanggung jawab dan tenggatnya.";
  }
  return { actions, errors };
}

/**
 * The finished period `periodId` when the agent's final score in it was below the threshold (a session may then
 * record it as its basis, a fact shown on the session), else null.
 */
export async function kpiBasis(db: Database, agent: Person, periodId: string, settings: Settings, today: string) {
  if (!/^[0-9]{4}-(0[1-9]|1[0-2])$/.test(periodId)) return null;
  const period = periodFromId(periodId);
  if (period.lastDay >= today) return null;
  const [kpi] = await agentKpi(db, agent.id, [period.id], settings);
  const score = kpi?.kpi.score ?? null;
  return score !== null && score < settings["kpi.threshold"] ? { id: period.id, label: period.label, score } : null;
}

export const openInput = z.object({
  heldOn: day("Tanggal pembinaan"),
  observation: text("hal yang diamati", 10),
  "evaluations[]": z.array(z.coerce.number().int().positive()).default([]),
  kpiPeriodId: z
    .string()
    .regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/)
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

async function checkOwnersAndDays(
  db: Database,
  agent: Person,
  coachUserId: number,
  actions: readonly (ActionInput & { field: number | "" })[],
  heldOn: string,
) {
  const owners = new Set((await ownerChoices(db, agent, coachUserId)).map((o) => o.value));
  const errors: Record<string, string> = {};
  for (const a of actions) {
    if (!owners.has(a.ownerUserId)) errors[`owner${a.field}`] = "Pilih penanggung jawab dari daftar.";
    if (a.dueOn < heldOn) errors[`due${a.field}`] = "Tenggat tidak boleh sebelum tanggal pembinaan.";
  }
  if (Object.keys(errors).length) throw new InvalidInput(errors);
}

/** Opens a session for `agent` with its evaluations and actions; returns its id. */
export async function openCoaching(
  db: Database,
  actor: Actor & { id: number },
  agent: Person,
  form: FormData,
  settings: Settings,
): Promise<SubmitResult<number>> {
  const raw = Object.fromEntries([...new Set(form.keys())].map((k) => [k, form.get(k)]));
  const { actions, errors: actionErrors } = readActions(raw);
  // Every mistake at once: the action rows' and the rest of the form's.
  const parsed = parseForm(openInput, form);
  if (form.getAll("evaluations[]").length === 0 && !form.get("kpiPeriodId")) {
    actionErrors.evaluations = "Pilih paling sedikit satu evaluasi yang menjadi dasar pembinaan.";
  }
  if (!parsed.ok || Object.keys(actionErrors).length) {
    return {
      ok: false,
      status: 400,
      errors: { ...actionErrors, ...(parsed.ok ? {} : parsed.errors) },
      values: formValues(form),
    };
  }
  return submitForm(openInput, form, async (input) => {
    const errors: Record<string, string> = {};
    const today = wibDay(new Date());
    if (input.heldOn > today) errors.heldOn = "Tanggal pembinaan tidak boleh setelah hari ini.";
    const evaluationIds = [...new Set(input["evaluations[]"])];
    const found = evaluationIds.length
      ? await db
          .select({ id: evaluations.id, interactionAt: evaluations.interactionAt })
          .from(evaluations)
          .where(
            and(
              inArray(evaluations.id, evaluationIds),
              eq(evaluations.agentStaffId, agent.id),
              ne(evaluations.state, "draft"),
            ),
          )
      : [];
    if (found.length !== evaluationIds.length) errors.evaluations = "Pilih evaluasi petugas ini dari daftar.";
    const later = found.filter((e) => e.interactionAt && e.interactionAt >= endOfWibDay(input.heldOn));
    if (later.length) {
      errors.evaluations = `Evaluasi ${later.map((e) => `#${e.id}`).join(", ")} menilai interaksi sesudah tanggal pembinaan; pilih evaluasi sebelumnya atau ubah tanggalnya.`;
    }
    if (input.kpiPeriodId && !(await kpiBasis(db, agent, input.kpiPeriodId, settings, today))) {
      errors.evaluations = `Nilai akhir ${agent.fullName} pada ${periodFromId(input.kpiPeriodId).label} tidak di bawah batas ${settings["kpi.threshold"]} (atau periodenya belum selesai); pilih evaluasi yang menjadi dasar pembinaan.`;
    }
    if (Object.keys(errors).length) throw new InvalidInput(errors);
    const numbered = actions.map((a, i) => ({ ...a, field: i + 1 }));
    await checkOwnersAndDays(db, agent, actor.id, numbered, input.heldOn);
    return db.transaction(async (tx) => {
      const [session] = await tx
        .insert(coachingSessions)
        .values({
          agentStaffId: agent.id,
          coachUserId: actor.id,
          heldOn: input.heldOn,
          kpiPeriodId: input.kpiPeriodId ?? null,
          observation: input.observation,
        })
        .returning({ id: coachingSessions.id });
      if (!session) throw new Error("coaching session not inserted");
      if (evaluationIds.length) {
        await tx
          .insert(coachingSessionEvaluations)
          .values(evaluationIds.map((evaluationId) => ({ sessionId: session.id, evaluationId })));
      }
      await tx.insert(coachingActions).values(actions.map((a) => ({ ...a, sessionId: session.id })));
      await recordAudit(tx, actor, {
        action: "coaching.open",
        entity: "coaching_session",
        entityId: session.id,
        after: { agentStaffId: agent.id, heldOn: input.heldOn, evaluationIds, kpiPeriodId: input.kpiPeriodId, actions },
      });
      return session.id;
    });
  });
}

export const acknowledgeInput = z.object({
  comment: z.string().trim().max(2000, { error: "Paling panjang 2.000 karakter." }).default(""),
});

/** The agent acknowledges their own session, once, with an optional comment. */
export async function acknowledgeCoaching(
  db: Database,
  actor: Actor & { id: number },
  staffId: number,
  id: number,
  comment: string,
) {
  await db.transaction(async (tx) => {
    const [done] = await tx
      .update(coachingSessions)
      .set({ acknowledgedAt: new Date(), agentComment: comment || null })
      .where(
        and(
          eq(coachingSessions.id, id),
          eq(coachingSessions.agentStaffId, staffId),
          isNull(coachingSessions.acknowledgedAt),
        ),
      )
      .returning({ id: coachingSessions.id });
    if (!done) throw new UserFacingError("Pembinaan ini sudah Anda tanggapi. Muat ulang halaman untuk melihatnya.");
    await recordAudit(tx, actor, {
      action: "coaching.acknowledge",
      entity: "coaching_session",
      entityId: id,
      after: { comment: comment || null },
    });
  });
}

export const actionInput = z.object(actionFields(""));

/** Another agreed action on a session (a follow-up that needs a next step). */
export async function addCoachingAction(
  db: Database,
  actor: Actor & { id: number },
  session: { id: number; heldOn: string },
  agent: Person,
  input: z.output<typeof actionInput>,
) {
  const action = {
    description: String(input.description),
    ownerUserId: Number(input.owner),
    dueOn: String(input.due),
  };
  await checkOwnersAndDays(db, agent, actor.id, [{ ...action, field: "" }], session.heldOn);
  if (action.dueOn < wibDay(new Date())) throw new InvalidInput({ due: "Tenggat tidak boleh sebelum hari ini." });
  await db.transaction(async (tx) => {
    await tx.insert(coachingActions).values({ ...action, sessionId: session.id });
    await recordAudit(tx, actor, {
      action: "coaching.add_action",
      entity: "coaching_session",
      entityId: session.id,
      after: action,
    });
  });
}

export const followUpInput = z.object({
  actionId: z.coerce.number().int().positive(),
  outcome: z.enum(["tercapai", "tidak_tercapai"], { error: "Pilih hasilnya: tercapai atau tidak tercapai." }),
  outcomeNote: text("catatan tindak lanjut", 5, 2000),
});

/** Records whether an action of `sessionId` was done; once. */
export async function followUpAction(
  db: Database,
  actor: Actor & { id: number },
  sessionId: number,
  input: z.output<typeof followUpInput>,
) {
  await db.transaction(async (tx) => {
    const [done] = await tx
      .update(coachingActions)
      .set({ outcome: input.outcome, outcomeNote: input.outcomeNote, outcomeBy: actor.id, outcomeAt: new Date() })
      .where(
        and(
          eq(coachingActions.id, input.actionId),
          eq(coachingActions.sessionId, sessionId),
          isNull(coachingActions.outcome),
        ),
      )
      .returning({ id: coachingActions.id });
    if (!done) {
      throw new UserFacingError(
        "Tindak lanjut tindakan ini sudah dicatat, mungkin baru saja oleh pengguna lain. Muat ulang halaman untuk melihatnya.",
      );
    }
    await recordAudit(tx, actor, {
      action: "coaching.follow_up",
      entity: "coaching_session",
      entityId: sessionId,
      after: { actionId: input.actionId, outcome: input.outcome, note: input.outcomeNote },
    });
  });
}
