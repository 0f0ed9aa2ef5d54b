// Pure: the rules of Mutu's mail (docs/decisions/024-mail.md) — the kinds a person can turn off, who may get
// each, how long the worker waits after a failed attempt, when the daily digest goes out, when the dispute
// window's reminder is due, and how digest items group. No I/O; `now` is always passed in.

import { WIB_OFFSET_MS } from "./dates";
import { disputeDeadline } from "./dispute-window";
import type { Role } from "./roles";

export const MAIL_KINDS = [
  "evaluation_received",
  "dispute_window_closing",
  "dispute_filed",
  "dispute_settled",
  "coaching_due",
  "period_approved",
  "report_answered",
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export const isMailKind = (value: string): value is MailKind => (MAIL_KINDS as readonly string[]).includes(value);

/** Each kind: its label on the profile, and the roles that can receive it (the profile offers only those). */
export const MAIL_KIND_INFO: Record<MailKind, { label: string; roles: readonly Role[] }> = {
  evaluation_received: { label: "Evaluasi baru untuk Anda", roles: ["petugas"] },
  dispute_window_closing: { label: "Masa sanggah berakhir dalam 2 hari", roles: ["petugas"] },
  dispute_filed: { label: "Sanggahan baru dari petugas", roles: ["koordinator_qa"] },
  dispute_settled: { label: "Sanggahan Anda telah diputuskan", roles: ["petugas"] },
  coaching_due: {
    label: "Tindakan pembinaan jatuh tempo",
    roles: ["petugas", "supervisor", "koordinator_qa", "kepala_seksi", "penilai"],
  },
  period_approved: { label: "Periode disetujui dan dikunci", roles: ["petugas", "supervisor", "koordinator_qa"] },
  report_answered: {
    label: "Laporan ditanggapi Kepala Seksi",
    roles: ["supervisor", "koordinator_qa", "kepala_seksi"],
  },
};

/** The kinds someone with `roles` can receive, in the order of MAIL_KINDS. */
export function mailKindsFor(roles: readonly string[]): MailKind[] {
  return MAIL_KINDS.filter((kind) => MAIL_KIND_INFO[kind].roles.some((r) => roles.includes(r)));
}

// Back-off: 1 min after the first failure, then doubling, at most an hour apart; a mail server down for a
// working day still gets every mail once it is back, and an address it refuses does not retry for ever.
export const RETRY_BASE_MS = 60_000;
export const RETRY_CAP_MS = 60 * 60_000;
/** Attempts before giving up: 1+2+4+8+16+32 min, then hourly — about 9 hours of trying. */
export const MAX_ATTEMPTS = 12;

/**
 * How long to wait after the `failures`-th failed attempt (1, 2, …): base × 2^(failures − 1), capped. With the
 * defaults 1 → 1 min, 2 → 2 min, 3 → 4 min, 7 → 64 min capped to 60 min.
 */
export function retryDelayMs(failures: number, baseMs = RETRY_BASE_MS, capMs = RETRY_CAP_MS): number {
  const exponent = Math.max(0, Math.min(failures - 1, 30));
  return Math.min(capMs, baseMs * 2 ** exponent);
}

/** The hour (WIB) the daily digest goes out: before the morning shift's work. */
export const DIGEST_HOUR_WIB = 7;

/** The next digest moment strictly after `now`: 07:00 WIB today when it is earlier, else tomorrow. */
export function nextDigestAt(now: Date, hourWib = DIGEST_HOUR_WIB): Date {
  const wib = new Date(now.getTime() + WIB_OFFSET_MS);
  const today = Date.UTC(wib.getUTCFullYear(), wib.getUTCMonth(), wib.getUTCDate(), hourWib) - WIB_OFFSET_MS;
  return new Date(today > now.getTime() ? today : today + 86_400_000);
}

/** The reminder comes this long before the dispute window closes (the issue: "closing in 2 days"). */
export const REMINDER_LEAD_DAYS = 2;
const DAY_MS = 86_400_000;

/**
 * Whether the "dispute window closing" reminder is due for an evaluation submitted at `submittedAt` with a
 * window of `windowDays`: the window is still open and closes within REMINDER_LEAD_DAYS. A window of
 * REMINDER_LEAD_DAYS or less gets no reminder: the mail announcing the evaluation already names its deadline.
 */
export function reminderDue(submittedAt: Date, windowDays: number, now: Date): boolean {
  if (windowDays <= REMINDER_LEAD_DAYS) return false;
  const deadline = disputeDeadline(submittedAt, windowDays).getTime();
  return now.getTime() < deadline && now.getTime() >= deadline - REMINDER_LEAD_DAYS * DAY_MS;
}

/**
 * What the worker sends of the rows it claimed: each single row as its own mail, each person's digest rows as
 * one mail (their order kept). Single mails first, then digests, each in the order their first row came.
 */
export function groupForSending<T extends { id: number; userId: number; digest: boolean }>(
  rows: readonly T[],
): { userId: number; rows: T[]; digest: boolean }[] {
  const singles = rows.filter((r) => !r.digest).map((r) => ({ userId: r.userId, rows: [r], digest: false }));
  const digests = new Map<number, T[]>();
  for (const r of rows) {
    if (!r.digest) continue;
    const list = digests.get(r.userId) ?? [];
    list.push(r);
    digests.set(r.userId, list);
  }
  return [...singles, ...[...digests].map(([userId, list]) => ({ userId, rows: list, digest: true }))];
}
