import {
  Children,
  type InputHTMLAttributes,
  isValidElement,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useRef,
} from "react";
import { firstInvalidField, useFocusOnAppear } from "./message-focus";

// `id` defaults to the field's name; pass one when the same name appears in several forms on a page.
type Common = { name: string; label: string; error?: string; hint?: ReactNode; status?: ReactNode; id?: string };

/** Ids that tie a field's hint and error to it for screen readers. */
function describedBy(id: string, error?: string, hint?: ReactNode, status?: ReactNode) {
  const ids = [hint && `${id}-hint`, error && `${id}-error`, status && `${id}-status`].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function Messages({ name, error, hint, status }: Omit<Common, "label" | "id">) {
  return (
    <>
      {hint && (
        <span className="hint" id={`${name}-hint`}>
          {hint}
        </span>
      )}
      {status !== undefined && (
        // Present from the first render, so screen readers announce what appears in it while typing.
        <span id={`${name}-status`} aria-live="polite">
          {status}
        </span>
      )}
      {error && (
        <span className="error" id={`${name}-error`}>
          {error}
        </span>
      )}
    </>
  );
}

export function TextField({
  name,
  label,
  error,
  hint,
  status,
  id = name,
  ...input
}: Common & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id">) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="text"
        aria-invalid={error ? true : undefined}
        // biome-ignore lint/a11y/noAutofocus: after a refusal the first field in error takes the focus, also without scripts (the browser honours the first).
        autoFocus={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint, status)}
        {...input}
      />
      <Messages name={id} error={error} hint={hint} status={status} />
    </div>
  );
}

export function TextAreaField({
  name,
  label,
  error,
  hint,
  id = name,
  ...area
}: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id">) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        // biome-ignore lint/a11y/noAutofocus: after a refusal the first field in error takes the focus, also without scripts (the browser honours the first).
        autoFocus={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        {...area}
      />
      <Messages name={id} error={error} hint={hint} />
    </div>
  );
}

export function SelectField({
  name,
  label,
  error,
  hint,
  options,
  placeholder,
  id = name,
  ...select
}: Common & {
  options: readonly { value: string | number; label: string }[];
  placeholder?: string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id">) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        // biome-ignore lint/a11y/noAutofocus: after a refusal the first field in error takes the focus, also without scripts (the browser honours the first).
        autoFocus={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        {...select}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Messages name={id} error={error} hint={hint} />
    </div>
  );
}

/** Plain text of a message, to tell when it changes. */
function textOf(node: ReactNode): string {
  return Children.toArray(node)
    .map((child) =>
      typeof child === "string" || typeof child === "number"
        ? String(child)
        : isValidElement<{ children?: ReactNode }>(child)
          ? textOf(child.props.children)
          : "",
    )
    .join("");
}

/**
 * The refusal of an action, placed next to the button that caused it. It takes the focus and scrolls into view
 * when it appears (see message-focus.ts). Given the field `errors` of a refusal without a `message`, it sums
 * them up and the first field in error of its form takes the focus instead.
 */
export function FormError({ message, errors }: { message?: string; errors?: Partial<Record<string, string>> }) {
  const ref = useRef<HTMLDivElement>(null);
  const fields = Object.entries(errors ?? {}).filter(([key, text]) => key !== "_form" && text);
  const text =
    message ||
    (fields.length === 0
      ? ""
      : `Belum tersimpan: ${fields.length === 1 ? "satu isian" : `${fields.length} isian`} perlu diperbaiki (ditandai merah).`);
  useFocusOnAppear(ref, text || null, message ? undefined : firstInvalidField);
  if (!text) return null;
  return (
    // biome-ignore lint/a11y/noAutofocus: the message of an action takes the focus, also without scripts.
    <div className="alert alert-error" role="alert" tabIndex={-1} ref={ref} autoFocus>
      {text}
    </div>
  );
}

/** The outcome of an action that succeeded; like FormError it takes the focus when it appears. */
export function Notice({ children }: { children?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = Children.toArray(children).length > 0;
  useFocusOnAppear(ref, shown ? textOf(children) || "notice" : null);
  if (!shown) return null;
  return (
    // biome-ignore lint/a11y/noAutofocus: the message of an action takes the focus, also without scripts.
    <div className="alert alert-ok" role="status" tabIndex={-1} ref={ref} autoFocus>
      {children}
    </div>
  );
}
