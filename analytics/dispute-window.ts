// Pure: when an agent's window to confirm or dispute an evaluation closes — one rule for the evaluation pages, the
// inbox and the mail.

const DAY_MS = 24 * 60 * 60 * 1000;

/** The moment the dispute window closes: `days` after submission. */
export function disputeDeadline(submittedAt: Date, days: number): Date {
  return new Date(submittedAt.getTime() + days * DAY_MS);
}
