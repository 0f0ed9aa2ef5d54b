// Calibration sessions: the QA coordinator picks one interaction and some assessors; each scores it blind;
// once the coordinator closes the session everyone sees the spread and their deviation. These scores are
// kept apart from evaluations and never count in a KPI.
import { and, arrayOverlaps, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { type AssessorScores, calibrationResult } from "../../analytics/calibration";
import type { ChannelCode } from "../../analytics/organization";
import { periodOf } from "../../analytics/period";
import { INTERACTION_SECTIONS, type ItemValue } from "../../analytics/scoring";
import {
  calibrationParticipants,
  calibrationScores,
  calibrationSessions,
  scorecardTemplates,
  scorecardVersions,
  users,
} from "../../db/schema";
import { can } from "../permissions";
import { hiddenOrMissing } from "./access";
import { type Actor, recordAudit } from "./audit";
import type { Database } from "./db";
import { InvalidInput, UserFacingError } from "./errors";
import { type ScoreInput, scoreProblems } from "./evaluation-scores";
import type { Access } from "./scope";
import { loadVersion } from "./scorecards";
import type { Permitted } from "./session";

/** A new session: `interactionAt` is the scored interaction's instant; `participants` are user ids. */
export type SessionInput = {
  title: string;
  versionId: number;
  channel: ChannelCode;
  interactionRef: string;
  interactionAt: Date;
  participants: number[];
  /** The coordinator scores too, as the reference the others are measured against. */
  benchmark: boolean;
};

/** Users who can take part: active assessors and QA coordinators. */
export function eligibleAssessors(db: Database) {
  return db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(and(isNull(users.disabledAt), arrayOverlaps(users.roles, ["penilai", "koordinator_qa"])))
    .orderBy(asc(users.displayName));
}

export async function createSession(db: Database, actor: Actor & { id: number }, input: SessionInput) {
  const version = await loadVersion(db, input.versionId);
  if (!version || version.status === "draft")
    throw new UserFacingError("Pilih template yang sudah terbit.", "versionId");
  const eligible = new Set((await eligibleAssessors(db)).map((u) => u.id));
  const participants = [...new Set(input.participants)].filter((id) => id !== actor.id || !input.benchmark);
  if (participants.some((id) => !eligible.has(id))) {
    throw new InvalidInput({ "participants[]": "Peserta harus penilai atau koordinator yang aktif." });
  }
  if (participants.length < 2)
    throw new InvalidInput({ "participants[]": "Pilih paling sedikit dua penilai selain Anda." });
  return db.transaction(async (tx) => {
    const [session] = await tx
      .insert(calibrationSessions)
      .values({
        title: input.title,
        versionId: version.id,
        channel: input.channel,
        interactionRef: input.interactionRef,
        interactionAt: input.interactionAt,
        periodId: periodOf(input.interactionAt).id,
        createdBy: actor.id,
      })
      .returning({ id: calibrationSessions.id });
    if (!session) throw new Error("insert returned nothing");
    await tx
      .insert(calibrationParticipants)
      .values([
        ...participants.map((userId) => ({ sessionId: session.id, userId, benchmark: false })),
        ...(input.benchmark ? [{ sessionId: session.id, userId: actor.id, benchmark: true }] : []),
      ]);
    await recordAudit(tx, actor, {
      action: "create",
      entity: "calibration_session",
      entityId: session.id,
      after: { title: input.title, participants, benchmark: input.benchmark },
    });
    return session.id;
  });
}

/** Sessions within `access`: all (any) or those the user takes part in (own). */
export async function listSessions(db: Database, access: Access) {
  const mine = sql`exists (select 1 from calibration_participants p where p.session_id = ${calibrationSessions.id} and p.user_id = ${access.userId})`;
  return db
    .select({
      id: calibrationSessions.id,
      title: calibrationSessions.title,
      state: calibrationSessions.state,
      periodId: calibrationSessions.periodId,
      createdAt: calibrationSessions.createdAt,
      participants:
        sql<number>`(select count(*) from calibration_participants p where p.session_id = ${calibrationSessions.id})`.mapWith(
          Number,
        ),
      submitted:
        sql<number>`(select count(*) from calibration_participants p where p.session_id = ${calibrationSessions.id} and p.submitted_at is not null)`.mapWith(
          Number,
        ),
    })
    .from(calibrationSessions)
    .where(access.scope === "any" ? undefined : mine)
    .orderBy(desc(calibrationSessions.id));
}

async function scoresOf(db: Database, sessionId: number) {
  const rows = await db.select().from(calibrationScores).where(eq(calibrationScores.sessionId, sessionId));
  const byUser = new Map<number, Map<number, ItemValue>>();
  const comments = new Map<number, Map<number, string>>();
  for (const r of rows) {
    if (!byUser.has(r.userId)) byUser.set(r.userId, new Map());
    byUser.get(r.userId)?.set(r.itemId, r.value);
    if (!comments.has(r.userId)) comments.set(r.userId, new Map());
    comments.get(r.userId)?.set(r.itemId, r.comment);
  }
  return { byUser, comments };
}

/**
 * A session as the user of `access` may see it. While it is open, only their own scores are included (blind);
 * once closed, everyone's, with the statistics. Null when they may not see it at all (scope "own": they do
 * not take part). `thresholdPoints` is the spread, in points, past which an item is flagged.
 */
export async function getSession(db: Database, id: number, access: Access, thresholdPoints: number) {
  if (!Number.isInteger(id)) return null;
  const [session] = await db.select().from(calibrationSessions).where(eq(calibrationSessions.id, id));
  if (!session) return null;
  const participants = await db
    .select({
      userId: calibrationParticipants.userId,
      benchmark: calibrationParticipants.benchmark,
      submittedAt: calibrationParticipants.submittedAt,
      name: users.displayName,
    })
    .from(calibrationParticipants)
    .innerJoin(users, eq(users.id, calibrationParticipants.userId))
    .where(eq(calibrationParticipants.sessionId, id))
    .orderBy(asc(users.displayName));
  const me = participants.find((p) => p.userId === access.userId) ?? null;
  if (access.scope !== "any" && !me) return null;
  const version = await loadVersion(db, session.versionId);
  if (!version) return null;
  const items = version.items.filter((i) => INTERACTION_SECTIONS.includes(i.section));
  const { byUser, comments } = await scoresOf(db, id);
  const own = Object.fromEntries(
    items.map((i) => [
      i.id,
      {
        value: byUser.get(access.userId)?.get(i.id) ?? null,
        comment: comments.get(access.userId)?.get(i.id) ?? "",
      },
    ]),
  );
  let result = null;
  if (session.state === "closed") {
    const submitted = participants.filter((p) => p.submittedAt && !p.benchmark);
    const benchmarkUser = participants.find((p) => p.benchmark && p.submittedAt);
    const assessors: AssessorScores[] = submitted.map((p) => ({
      assessorId: p.userId,
      values: byUser.get(p.userId) ?? new Map(),
    }));
    result = calibrationResult({
      items,
      sections: INTERACTION_SECTIONS,
      weights: version.weights,
      assessors,
      benchmark: benchmarkUser ? (byUser.get(benchmarkUser.userId) ?? null) : null,
      thresholdPoints,
    });
  }
  return {
    session,
    participants,
    me,
    version: { ...version, items },
    own,
    hasOwnScores: byUser.has(access.userId),
    result,
  };
}

/** The items a session's assessors score: the interaction items of its version; none when there is no session. */
export async function sessionItems(db: Database, sessionId: number) {
  const [session] = await db.select().from(calibrationSessions).where(eq(calibrationSessions.id, sessionId));
  return session ? scoredItems(db, session.versionId) : [];
}

async function scoredItems(db: Database, versionId: number) {
  const version = await loadVersion(db, versionId);
  if (!version) throw new Error(`version ${versionId} missing`);
  return version.items.filter((i) => INTERACTION_SECTIONS.includes(i.section));
}

/**
 * The participant's scores of an open session, replacing any they sent before: every item scored (a comment
 * is optional). `scores.errors` are the fields that could not be read, refused together with missing scores.
 */
export async function submitScores(
  db: Database,
  actor: Actor & { id: number },
  sessionId: number,
  scores: ScoreInput & { errors: Record<string, string> },
) {
  const [session] = await db.select().from(calibrationSessions).where(eq(calibrationSessions.id, sessionId));
  if (!session) throw new UserFacingError("Sesi kalibrasi tidak ditemukan.");
  if (session.state !== "open") throw new UserFacingError("Sesi ini sudah ditutup; nilai tidak dapat diubah lagi.");
  const [participant] = await db
    .select()
    .from(calibrationParticipants)
    .where(and(eq(calibrationParticipants.sessionId, sessionId), eq(calibrationParticipants.userId, actor.id)));
  if (!participant) throw new UserFacingError("Anda bukan peserta sesi kalibrasi ini.");
  const items = await scoredItems(db, session.versionId);
  const errors = { ...scoreProblems(items, scores, true), ...scores.errors };
  if (Object.keys(errors).length > 0) throw new InvalidInput(errors);
  await db.transaction(async (tx) => {
    await tx
      .delete(calibrationScores)
      .where(and(eq(calibrationScores.sessionId, sessionId), eq(calibrationScores.userId, actor.id)));
    await tx.insert(calibrationScores).values(
      items.map((i) => ({
        sessionId,
        userId: actor.id,
        itemId: i.id,
        value: scores.values.get(i.id) ?? null,
        comment: scores.comments.get(i.id) ?? "",
      })),
    );
    await tx
      .update(calibrationParticipants)
      .set({ submittedAt: new Date() })
      .where(and(eq(calibrationParticipants.sessionId, sessionId), eq(calibrationParticipants.userId, actor.id)));
    await recordAudit(tx, actor, { action: "submit", entity: "calibration_session", entityId: sessionId });
  });
}

export async function closeSession(db: Database, actor: Actor & { id: number }, sessionId: number) {
  await db.transaction(async (tx) => {
    const [done] = await tx
      .update(calibrationSessions)
      .set({ state: "closed", closedAt: new Date() })
      .where(and(eq(calibrationSessions.id, sessionId), eq(calibrationSessions.state, "open")))
      .returning({ id: calibrationSessions.id });
    if (!done) throw new UserFacingError("Sesi ini sudah ditutup.");
    const submitted = await tx
      .select({ userId: calibrationParticipants.userId })
      .from(calibrationParticipants)
      .where(
        and(
          eq(calibrationParticipants.sessionId, sessionId),
          sql`${calibrationParticipants.submittedAt} is not null`,
          eq(calibrationParticipants.benchmark, false),
        ),
      );
    if (submitted.length < 2)
      throw new UserFacingError("Tunggu sampai paling sedikit dua penilai mengirim nilai sebelum menutup sesi.");
    await recordAudit(tx, actor, { action: "close", entity: "calibration_session", entityId: sessionId });
  });
}

/**
 * Each assessor's mean deviation from the consensus in every closed session, oldest first (the drift): everyone's
 * for scope "any", the user's own otherwise.
 */
export async function assessorDrift(db: Database, access: Access, thresholdPoints: number) {
  const sessions = await db
    .select({ id: calibrationSessions.id })
    .from(calibrationSessions)
    .where(eq(calibrationSessions.state, "closed"))
    .orderBy(asc(calibrationSessions.periodId), asc(calibrationSessions.id));
  const rows: {
    sessionId: number;
    title: string;
    periodId: string;
    assessorId: number;
    name: string;
    meanDeviation: number | null;
    totalDeviation: number | null;
  }[] = [];
  for (const { id } of sessions) {
    const s = await getSession(db, id, { ...access, scope: "any" }, thresholdPoints);
    if (!s?.result) continue;
    for (const a of s.result.assessors) {
      if (access.scope !== "any" && a.assessorId !== access.userId) continue;
      const name = s.participants.find((p) => p.userId === a.assessorId)?.name ?? "";
      rows.push({
        sessionId: id,
        title: s.session.title,
        periodId: s.session.periodId,
        assessorId: a.assessorId,
        name,
        meanDeviation: a.meanDeviation,
        totalDeviation: a.totalDeviation,
      });
    }
  }
  return rows;
}

/** The published versions to calibrate against, with their template's name. */
export function calibratableVersions(db: Database) {
  return db
    .select({ id: scorecardVersions.id, version: scorecardVersions.version, name: scorecardTemplates.name })
    .from(scorecardVersions)
    .innerJoin(scorecardTemplates, eq(scorecardTemplates.id, scorecardVersions.templateId))
    .where(eq(scorecardVersions.status, "published"))
    .orderBy(asc(scorecardTemplates.id));
}

/** The calibration page: the sessions and drift within `access`, and what a manager needs to start a session. */
export async function calibrationPage(db: Database, access: Access, thresholdPoints: number) {
  const manage = can(access.roles, "manage:calibration");
  return {
    sessions: await listSessions(db, access),
    drift: await assessorDrift(db, access, thresholdPoints),
    manage,
    versions: manage ? await calibratableVersions(db) : [],
    assessors: manage ? await eligibleAssessors(db) : [],
    me: access.userId,
  };
}

/** A session's page; 404 (recorded when it exists) for one the user may not see. */
export async function sessionPage(auth: Permitted, request: Request, id: number) {
  const threshold = auth.env.settings["calibration.spreadThreshold"];
  const s = await getSession(auth.env.db, id, auth.access, threshold);
  if (!s) {
    return hiddenOrMissing(
      auth,
      request,
      { entity: "calibration_session", id },
      "Sesi kalibrasi ini tidak ditemukan, atau Anda bukan pesertanya.",
    );
  }
  return { ...s, canClose: can(auth.access.roles, "manage:calibration") && s.session.state === "open", threshold };
}
