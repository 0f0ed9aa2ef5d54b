// Where the result of an action is shown, the person's attention goes: when a message (FormError, Notice)
// appears, it is scrolled into view and takes the keyboard focus, so a sighted person sees it where they
// were working and a screen reader reads it. A refusal about fields focuses the first field in error instead
// (its error is tied to it with aria-describedby). Without scripts the same happens through the HTML
// `autofocus` attribute the components render (the browser focuses the first one on load).
import { useActionData, useLocation } from "@remix-run/react";
import { type RefObject, useEffect, useRef } from "react";

type Claim = { source: HTMLElement; target: () => HTMLElement | null; fresh: boolean };

// Messages that came with the page from the server carry `autofocus` (React sets it only when rendering on the
// server), and the browser has already acted on it. When scripts start, such a message takes the focus only if
// nothing has it: someone who already clicked or typed elsewhere keeps their place.
const arrived = new WeakSet<HTMLElement>();
function moved(source: HTMLElement): boolean {
  if (!source.hasAttribute("autofocus") || arrived.has(source)) return false;
  arrived.add(source);
  const active = document.activeElement;
  // The browser's own choice (an element with autofocus) is not the person's.
  return active !== null && active !== document.body && !active.hasAttribute("autofocus");
}

// One commit may show several messages (a notice and an error of another form): the first new one, in
// document order, takes the focus; passive effects run in tree order, so the first claim is the first one.
let pending: Claim | null = null;

function claim(next: Claim) {
  if (pending && (pending.fresh || !next.fresh)) return;
  const first = pending === null;
  pending = next;
  // After every effect of this commit has had its say.
  if (first)
    queueMicrotask(() => {
      const chosen = pending;
      pending = null;
      if (!chosen || moved(chosen.source)) return;
      const el = chosen.target();
      if (!el?.isConnected) return;
      el.scrollIntoView({ block: "center" });
      el.focus({ preventScroll: true });
    });
}

/** The first field marked invalid in the form that holds `el`, if any. */
export function firstInvalidField(el: HTMLElement): HTMLElement | null {
  return el.closest("form")?.querySelector<HTMLElement>('[aria-invalid="true"]:not([disabled])') ?? null;
}

/**
 * Focuses and scrolls to `ref` (or to what `target` picks) when `text` appears or changes, after each action
 * result and after each navigation (a notice after a redirect).
 */
export function useFocusOnAppear(
  ref: RefObject<HTMLElement | null>,
  text: string | null,
  target?: (el: HTMLElement) => HTMLElement | null,
) {
  const actionData = useActionData();
  const { key } = useLocation();
  const shown = useRef<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: actionData and key are triggers: a repeated refusal or a new page shows the message again.
  useEffect(() => {
    const el = ref.current;
    if (!text || !el) {
      shown.current = null;
      return;
    }
    const fresh = shown.current !== text;
    shown.current = text;
    claim({ source: el, fresh, target: () => target?.(el) ?? el });
  }, [text, actionData, key]);
}
