// The parts of a template version's page (routes/template.$id.tsx): its weights, its items per section, and the
// draft's publish and discard buttons. Each form's result is shown beside that form.
import { Form } from "@remix-run/react";
import { ITEM_SECTIONS, type ItemSection, SECTION_LABELS } from "../../analytics/scoring";
import { ConfirmAction } from "./confirm-action";
import { CriticalBadge } from "./critical-badge";
import { FormError, Notice, TextField } from "./field";
import { type EditableItem, TemplateItemForm } from "./template-item-form";

export type ShownVersion = {
  version: number;
  teamName: string;
  description: string;
  weights: Record<ItemSection | "cph", number>;
  lockVersion: number;
  items: EditableItem[];
};

/** What the version page's action answered: what was done, or the refused form with what the user typed. */
export type VersionOutcome =
  | { ok: true; done: string; itemId: string }
  | { ok: false; intent: string; itemId: string; errors: Record<string, string>; values: Record<string, string> };

const DONE: Record<string, string> = {
  weights: "Bobot bagian tersimpan.",
  item: "Butir tersimpan.",
  removed: "Butir dihapus dari draf.",
  published: "Versi ini telah terbit dan berlaku untuk evaluasi baru. Versi sebelumnya tetap dapat dibaca.",
};

/** Reads an outcome for one form (an intent, and the item for an item's forms). */
export function outcomeView(outcome: VersionOutcome | undefined) {
  const failed = outcome && !outcome.ok ? outcome : undefined;
  const errorsFor = (intent: string, itemId = ""): Record<string, string> =>
    failed && failed.intent === intent && failed.itemId === itemId ? failed.errors : {};
  return {
    /** What the user typed into the form of `intent` that came back with errors, so nothing entered is lost. */
    values: (intent: string, itemId = "") =>
      failed && failed.intent === intent && failed.itemId === itemId ? failed.values : undefined,
    errorsFor,
    refusal: (intent: string, itemId = "") => errorsFor(intent, itemId)._form,
    done: (what: string, itemId = "") =>
      outcome?.ok && outcome.done === what && outcome.itemId === itemId ? DONE[what] : undefined,
    /** The removed item's form is gone and a published version is read-only: their result goes on top. */
    onTop: outcome?.ok && ["removed", "published"].includes(outcome.done) ? DONE[outcome.done] : undefined,
    /** The item whose form is re-opened after a save or a refusal, so its message is seen. */
    itemId: outcome?.itemId,
  };
}
type View = ReturnType<typeof outcomeView>;

const WEIGHT_FIELDS = ["Hardskill", "Softskill", "Kedisiplinan", "Cph"] as const;

export function VersionWeights({ v, editable, view }: { v: ShownVersion; editable: boolean; view: View }) {
  if (!editable) {
    return (
      <p>
        Hardskill {v.weights.hardskill}% · Softskill {v.weights.softskill}% · Kedisiplinan {v.weights.kedisiplinan}% ·
        CPH {v.weights.cph}%
      </p>
    );
  }
  const typed = view.values("weights");
  const errors = view.errorsFor("weights");
  return (
    <Form method="post" className="card stack" noValidate>
      <input type="hidden" name="intent" value="weights" />
      <input type="hidden" name="lockVersion" value={v.lockVersion} />
      <div className="grid-2">
        {WEIGHT_FIELDS.map((name) => (
          <TextField
            key={name}
            name={`weight${name}`}
            label={`${name === "Cph" ? "CPH" : name} (%)`}
            inputMode="numeric"
            defaultValue={typed?.[`weight${name}`] ?? String(v.weights[name.toLowerCase() as "hardskill"])}
          />
        ))}
      </div>
      <div className="field">
        <label htmlFor="description">Keterangan</label>
        <textarea id="description" name="description" rows={2} defaultValue={typed?.description ?? v.description} />
      </div>
      <FormError message={errors._form ?? errors.weightHardskill} />
      <Notice>{view.done("weights")}</Notice>
      <div>
        <button type="submit">Simpan bobot</button>
      </div>
    </Form>
  );
}

export function SectionItems({ v, editable, view }: { v: ShownVersion; editable: boolean; view: View }) {
  return ITEM_SECTIONS.map((section) => (
    <section key={section} aria-labelledby={`s-${section}`}>
      <h2 id={`s-${section}`}>
        {SECTION_LABELS[section]} <span className="muted small">bobot {v.weights[section]}%</span>
      </h2>
      <div className="table-wrap">
        <table className="stack-table">
          <caption className="visually-hidden">Butir {SECTION_LABELS[section]}</caption>
          <thead>
            <tr>
              <th scope="col">Kode</th>
              <th scope="col">Butir</th>
              <th scope="col">Dasar</th>
              <th scope="col">Skala</th>
              <th scope="col" className="num">
                Bobot
              </th>
              <th scope="col">Catatan</th>
            </tr>
          </thead>
          <tbody>
            {v.items
              .filter((i) => i.section === section)
              .map((i) => (
                <tr key={i.id}>
                  <td data-label="Kode" className="card-title">
                    <strong>{i.code}</strong>
                  </td>
                  {/* No label on a phone: the item's text and its forms take the card's whole width. */}
                  <td data-label="">
                    {i.text}
                    {i.guidance && <div className="muted small">{i.guidance}</div>}
                    {editable && <ItemEditing v={v} item={i} view={view} />}
                  </td>
                  <td data-label="Dasar">{i.clause}</td>
                  <td data-label="Skala">{i.scale === "1-5" ? "1–5" : "Ya/Tidak"}</td>
                  <td className="num" data-label="Bobot">
                    {i.critical ? "—" : i.weight}
                  </td>
                  <td data-label="Catatan">
                    {i.critical && <CriticalBadge />}
                    {i.allowNa && (
                      <>
                        {" "}
                        <span className="badge">boleh N/A</span>
                      </>
                    )}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </section>
  ));
}

function ItemEditing({ v, item, view }: { v: ShownVersion; item: EditableItem; view: View }) {
  const id = String(item.id);
  return (
    // Open again after a save or a refusal of this item, so its message is seen.
    <details open={view.itemId === id || undefined}>
      <summary>Ubah atau hapus butir {item.code}</summary>
      <TemplateItemForm
        item={item}
        lockVersion={v.lockVersion}
        errors={view.errorsFor("save-item", id)}
        notice={view.done("item", id)}
        values={view.values("save-item", id)}
      />
      <ConfirmAction
        label={`Hapus butir ${item.code}`}
        confirmLabel={`Ya, hapus butir ${item.code}`}
        consequence={`Butir ${item.code} dihapus dari draf versi ${v.version}. Versi yang sudah terbit tidak berubah.`}
        fields={{ intent: "remove-item", itemId: item.id, lockVersion: v.lockVersion }}
        error={view.refusal("remove-item", id)}
      />
    </details>
  );
}

/** A draft's last steps: add an item, publish it, or throw it away. */
export function DraftActions({ v, problems, view }: { v: ShownVersion; problems: string[]; view: View }) {
  return (
    <>
      <h2>Tambah butir</h2>
      <div className="card">
        <TemplateItemForm
          // A fresh, empty form once the item is added.
          key={v.items.length}
          lockVersion={v.lockVersion}
          errors={view.errorsFor("save-item")}
          notice={view.done("item")}
          values={view.values("save-item")}
        />
      </div>
      <h2>Terbitkan</h2>
      {problems.length > 0 ? (
        <ul className="alert alert-info">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : (
        <p>Setelah terbit, versi ini tidak dapat diubah dan menggantikan versi yang sedang berlaku.</p>
      )}
      <div className="actions">
        <ConfirmAction
          label={`Terbitkan versi ${v.version}`}
          confirmLabel={`Ya, terbitkan versi ${v.version}`}
          tone="primary"
          disabled={problems.length > 0}
          consequence={`Versi ${v.version} menjadi tetap (tidak dapat diubah lagi) dan dipakai untuk setiap evaluasi baru ${v.teamName}. Evaluasi yang sudah ada tetap memakai versinya.`}
          fields={{ intent: "publish", lockVersion: v.lockVersion }}
          error={view.refusal("publish")}
        />
        <ConfirmAction
          label="Buang draf"
          confirmLabel="Ya, buang draf ini"
          consequence={`Draf versi ${v.version} beserta semua perubahannya dibuang dan tidak dapat dikembalikan.`}
          fields={{ intent: "discard", lockVersion: v.lockVersion }}
          error={view.refusal("discard")}
        />
      </div>
    </>
  );
}
