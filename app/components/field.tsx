import {
  Children,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";

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

export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <div className="alert alert-error" role="alert">
      {message}
    </div>
  );
}

export function Notice({ children }: { children?: ReactNode }) {
  if (Children.toArray(children).length === 0) return null;
  return (
    <div className="alert alert-ok" role="status">
      {children}
    </div>
  );
}
