// The field the confirmation step of an irreversible action sends (components/confirm-action.tsx). The server
// refuses the action without it (app/.server/forms.ts, submitConfirmed), so a page from before the step, a
// replayed request or a hand-made form cannot skip the question. See docs/decisions/017-messages-and-confirmations.md.
export const CONFIRM_FIELD = "konfirmasi";
export const CONFIRM_VALUE = "ya";
