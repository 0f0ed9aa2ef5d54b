import { useEffect, useMemo, useRef, useState } from "react";
import {
  DEFAULT_LEVELS,
  type ItemSection,
  type ItemValue,
  type ScoredItem,
  SECTION_LABELS,
  type SectionWeights,
  scoreEvaluation,
} from "../../analytics/scoring";
import { commentField, formatScore, itemValueField, parseItemValue, valueField } from "../score-fields";
import { CriticalBadge } from "./critical-badge";

export type SheetItem = ScoredItem & { code: string; text: string; clause: string; guidance: string; levels: string[] };

type Props = {
  items: SheetItem[];
  sections: readonly ItemSection[];
  weights: SectionWeights;
  /** Radio values ("1"–"5", "ya", "tidak", "na") and comments to start from, by item id. */
  initial: Record<number, { value: string; comment: string }>;
  errors: Partial<Record<string, string>>;
};

function ItemInput({
  item,
  value,
  comment,
  error,
  onChange,
}: {
  item: SheetItem;
  value: string;
  comment: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  const name = valueField(item.id);
  const options =
    item.scale === "1-5"
      ? ["1", "2", "3", "4", "5"].map((v, i) => ({ value: v, label: v, title: item.levels[i] ?? "" }))
      : [
          { value: "ya", label: "Ya", title: "" },
          { value: "tidak", label: "Tidak", title: "" },
        ];
  if (item.allowNa && !item.critical)
    options.push({ value: "na", label: "N/A", title: "Tidak berlaku untuk interaksi ini" });
  return (
    <fieldset
      className={`score-item${item.critical ? " critical" : ""}`}
      aria-describedby={error ? `${name}-error` : undefined}
    >
      <legend>
        <span className="code">{item.code}</span> {item.text}
        {item.critical && <CriticalBadge />}
      </legend>
      <p className="muted small item-meta">
        Dasar: KEP-165/BC/2014 butir {item.clause}
        {item.critical ? "" : ` · bobot ${item.weight}`}
        {item.guidance ? ` · ${item.guidance}` : ""}
      </p>
      <div className="scale" role="radiogroup" aria-label={`Nilai ${item.code}`}>
        {options.map((o) => (
          <label key={o.value} title={o.title || undefined}>
            <input
              type="radio"
              name={name}
              value={o.value}
              defaultChecked={value === o.value}
              onChange={() => onChange(o.value)}
              aria-invalid={error ? true : undefined}
              // biome-ignore lint/a11y/noAutofocus: after a refusal the first item in error takes the focus, also without scripts.
              autoFocus={error && o === options[0] ? true : undefined}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {item.scale === "1-5" && item.levels.length === 5 && item.levels.join() !== DEFAULT_LEVELS.join() && (
        <details className="levels small">
          <summary>Arti nilai 1–5 untuk {item.code}</summary>
          <ol>
            {item.levels.map((level) => (
              <li key={level}>{level}</li>
            ))}
          </ol>
        </details>
      )}
      {error && (
        <p className="error" id={`${name}-error`}>
          {error}
        </p>
      )}
      <label className="comment">
        <span className="visually-hidden">Catatan {item.code}</span>
        <textarea
          name={commentField(item.id)}
          defaultValue={comment}
          rows={1}
          placeholder={`Catatan untuk ${item.code} (opsional)`}
        />
      </label>
    </fieldset>
  );
}

/**
 * The items of a scorecard as radio groups (keyboard: Tab between items, arrow keys within one), with a running
 * total computed in the browser by the same code the server uses. Without JavaScript the form still posts
 * the same fields and the total appears after saving.
 */
export function ScoreSheet({ items, sections, weights, initial, errors }: Props) {
  const [values, setValues] = useState<Record<number, string>>(() =>
    Object.fromEntries(items.map((i) => [i.id, initial[i.id]?.value ?? ""])),
  );
  const result = useMemo(() => {
    const known = new Map<number, ItemValue>();
    for (const item of items) {
      const v = parseItemValue(values[item.id]);
      if (v !== undefined && v !== "invalid") known.set(item.id, v);
    }
    return scoreEvaluation(items, known, weights, sections);
  }, [items, values, weights, sections]);
  const open = items.filter((i) => !values[i.id]).length;
  const bar = useRef<HTMLOutputElement>(null);
  // The running total sticks to the bottom of the window: keep what takes the focus clear of it (WCAG 2.4.11).
  // The stylesheet reserves a fixed room; this measures the bar, which wraps to more lines on a phone.
  useEffect(() => {
    const el = bar.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const root = document.documentElement;
    const measure = () => {
      const height = el.getBoundingClientRect().height;
      // A hidden sheet (the settle page while "Nilai tetap" is chosen) leaves the room to the stylesheet.
      if (height > 0) root.style.setProperty("--sticky-bottom", `${Math.ceil(height) + 16}px`);
      else root.style.removeProperty("--sticky-bottom");
    };
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    measure();
    return () => {
      observer.disconnect();
      root.style.removeProperty("--sticky-bottom");
    };
  }, []);

  return (
    <div className="score-sheet">
      <p className="muted small">
        Skala 1–5: {DEFAULT_LEVELS.map((l, i) => `${i + 1} ${l}`).join(" · ")}. Skor butir = (nilai − 1) ÷ 4 × 100; Ya =
        100, Tidak = 0; N/A tidak dihitung. Butir kritis yang dinilai Tidak membuat nilai total 0.
      </p>
      {sections.map((section) => (
        <section key={section} aria-labelledby={`bagian-${section}`}>
          <h2 id={`bagian-${section}`}>
            {SECTION_LABELS[section]} <span className="muted small">bobot {weights[section]}%</span>
          </h2>
          {items
            .filter((i) => i.section === section)
            .map((item) => (
              <ItemInput
                key={item.id}
                item={item}
                value={values[item.id] ?? ""}
                comment={initial[item.id]?.comment ?? ""}
                error={errors[valueField(item.id)] ?? errors[commentField(item.id)]}
                onChange={(v) => setValues((prev) => ({ ...prev, [item.id]: v }))}
              />
            ))}
        </section>
      ))}
      <output className="running-total" aria-live="polite" ref={bar}>
        {sections.map((s) => (
          <span key={s}>
            {SECTION_LABELS[s]} <strong>{formatScore(result.sections[s])}</strong>
          </span>
        ))}
        <span>
          Total <strong>{formatScore(result.total)}</strong>
        </span>
        {result.criticalFailed && <span className="badge danger">Butir kritis gagal: nilai 0</span>}
        {open > 0 && <span className="muted">{open} butir belum dinilai</span>}
      </output>
    </div>
  );
}

/** The initial radio values of a saved evaluation's scores. */
export function initialFromScores(
  items: readonly SheetItem[],
  scores: Record<number, { value: number | null; comment: string }>,
): Record<number, { value: string; comment: string }> {
  return Object.fromEntries(
    items.map((i) => {
      const s = scores[i.id];
      return [i.id, { value: s ? itemValueField(s.value, i.scale) : "", comment: s?.comment ?? "" }];
    }),
  );
}

/** The initial radio values when a form comes back with errors: what the user had chosen. */
export function initialFromValues(items: readonly SheetItem[], values: Record<string, string>) {
  return Object.fromEntries(
    items.map((i) => [i.id, { value: values[valueField(i.id)] ?? "", comment: values[commentField(i.id)] ?? "" }]),
  );
}
