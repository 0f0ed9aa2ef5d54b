// One way to ask before an irreversible action. The button opens a confirmation step (a native <details>, so
// it works without scripts) that says what will happen; only the button inside it does the action, and it
// sends the confirmation field the server insists on (app/confirmation.ts). With scripts, "Batal" and Escape
// close the step and give the focus back to the button.
import { Form } from "@remix-run/react";
import { type KeyboardEvent, type ReactNode, useRef } from "react";
import { CONFIRM_FIELD, CONFIRM_VALUE } from "../confirmation";
import { FormError } from "./field";
import { useHydrated } from "./use-hydrated";

type Props = {
  /** What the opening button says, e.g. "Hapus draf". */
  label: string;
  /** The button inside the step that does it, e.g. "Ya, hapus draf". */
  confirmLabel: string;
  /** What will happen, said before anything is done. */
  consequence: ReactNode;
  /** More of the step, inside its form: e.g. a field for the reason. */
  children?: ReactNode;
  /** Hidden fields of the action (intent, ids, lock version). */
  fields?: Record<string, string | number>;
  /** Where the form posts; the current route by default. */
  action?: string;
  /** "danger" for deletions and locks; "primary" for a send that cannot be taken back. */
  tone?: "danger" | "primary";
  /** "link" for a small action inside a table cell. */
  look?: "button" | "link";
  /** A longer name for screen readers when the label is short ("Hapus" in a roster cell). */
  accessibleLabel?: string;
  /** Why the server refused this action: shown next to it and focused. */
  error?: string;
  disabled?: boolean;
  /** Open from the start: the action came back refused with a field of the step in error. */
  open?: boolean;
};

export function ConfirmAction({
  label,
  confirmLabel,
  consequence,
  children,
  fields = {},
  action,
  tone = "danger",
  look = "button",
  accessibleLabel,
  error,
  disabled,
  open,
}: Props) {
  const details = useRef<HTMLDetailsElement>(null);
  const hydrated = useHydrated();
  const close = () => {
    const el = details.current;
    if (!el) return;
    el.open = false;
    el.querySelector("summary")?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape" && details.current?.open) {
      event.preventDefault();
      close();
    }
  };
  const opener = look === "link" ? "link" : `button${tone === "danger" ? " danger" : ""}`;
  return (
    <div className={`confirm-action confirm-${look} confirm-${tone}`}>
      {disabled ? (
        <button type="button" className={opener} disabled>
          {label}
        </button>
      ) : (
        <details className="confirm" ref={details} onKeyDown={onKeyDown} open={open || undefined}>
          <summary className={opener} aria-label={accessibleLabel}>
            {label}
          </summary>
          <div className="confirm-panel">
            <p className="confirm-question">{consequence}</p>
            <Form method="post" action={action} className="stack" noValidate>
              {Object.entries(fields).map(([name, value]) => (
                <input key={name} type="hidden" name={name} value={value} />
              ))}
              <input type="hidden" name={CONFIRM_FIELD} value={CONFIRM_VALUE} />
              {children}
              <div className="actions">
                <button type="submit" className={tone === "danger" ? "danger" : undefined}>
                  {confirmLabel}
                </button>
                {hydrated && (
                  <button type="button" className="secondary" onClick={close}>
                    Batal
                  </button>
                )}
              </div>
            </Form>
          </div>
        </details>
      )}
      <FormError message={error} />
    </div>
  );
}
