// Pure: coaching (pembinaan) after an evaluation or a KPI below the threshold, as the QA team's quality-improvement
// programme (regulation C.17.a): a session's status, when an agreed action is late, and whether the evaluations
// after the session show an improvement. No I/O, no wall clock: `today` (a WIB day) is passed in.

/** Rows of agreed actions the new-session form offers; more can be added on the session's page. */
export const ACTION_ROWS = 3;

export const COACHING_OUTCOMES = [
  { code: "tercapai", label: "Tercapai" },
  { code: "tidak_tercapai", label: "Tidak tercapai" },
] as const;
export type CoachingOutcome = (typeof COACHING_OUTCOMES)[number]["code"];
export const coachingOutcomeLabel = (code: string | null) =>
  COACHING_OUTCOMES.find((o) => o.code === code)?.label ?? "Belum ditindaklanjuti";

export const COACHING_STATUSES = [
  { code: "menunggu_petugas", label: "Menunggu tanggapan petugas" },
  { code: "berjalan", label: "Berjalan" },
  { code: "selesai", label: "Selesai" },
] as const;
export type CoachingStatus = (typeof COACHING_STATUSES)[number]["code"];
export const coachingStatusLabel = (code: string) => COACHING_STATUSES.find((s) => s.code === code)?.label ?? code;

/** The status filter of the coaching list and its download, as its address says it. */
export const COACHING_STATUS_CHOICES: readonly { value: string; label: string }[] = [
  { value: "terbuka", label: "Belum selesai" },
  ...COACHING_STATUSES.map((s) => ({ value: s.code, label: s.label })),
  { value: "semua", label: "Semua" },
];

/** The status the address asks for: "terbuka" (not finished) unless it names another choice. */
export function coachingStatusFrom(params: URLSearchParams): string {
  const asked = params.get("status") ?? "terbuka";
  return COACHING_STATUS_CHOICES.some((c) => c.value === asked) ? asked : "terbuka";
}

/**
 * A session is done when every agreed action has its follow-up (done or not); before that it waits for the
 * agent's acknowledgement, then runs. A follow-up does not wait for the acknowledgement: an agent who never
 * answers cannot hold the programme up, and the page still says they did not acknowledge.
 */
export function coachingStatus(session: {
  acknowledged: boolean;
  actions: readonly { outcome: string | null }[];
}): CoachingStatus {
  if (session.actions.length > 0 && session.actions.every((a) => a.outcome !== null)) return "selesai";
  return session.acknowledged ? "berjalan" : "menunggu_petugas";
}

/** An action is late on `today` while it has no follow-up after its due day (WIB days, 'YYYY-MM-DD'). */
export const actionLate = (action: { dueOn: string; outcome: string | null }, today: string) =>
  action.outcome === null && today > action.dueOn;

export type Effect = {
  before: { count: number; mean: number | null };
  after: { count: number; mean: number | null };
  /** after − before, in points, when both have scores. */
  change: number | null;
};

const mean = (values: readonly number[]) =>
  values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;

/**
 * Whether it worked: the mean total of the evaluations the session came from against the mean of the agent's
 * evaluations after the session (the first `limit` of them, oldest first, as they come in).
 */
export function coachingEffect(before: readonly number[], after: readonly number[], limit = 5): Effect {
  const first = after.slice(0, limit);
  const b = mean(before);
  const a = mean(first);
  return {
    before: { count: before.length, mean: b },
    after: { count: first.length, mean: a },
    change: a !== null && b !== null ? a - b : null,
  };
}
