import { Form } from "@remix-run/react";
import { SECTION_LABELS } from "../../analytics/scoring";
import { FormError, Notice, SelectField, TextAreaField, TextField } from "./field";

export type EditableItem = {
  id: number;
  section: string;
  code: string;
  text: string;
  clause: string;
  scale: string;
  weight: number;
  allowNa: boolean;
  critical: boolean;
  guidance: string;
  levels: string[];
};

/** Add or change one item of a draft template (one form per item, so it works without JavaScript). */
export function TemplateItemForm({
  item,
  lockVersion,
  errors,
  values,
  notice,
}: {
  item?: EditableItem;
  /** The outcome of saving this item, shown beside its button. */
  notice?: string;
  lockVersion: number;
  errors: Partial<Record<string, string>>;
  values?: Record<string, string>;
}) {
  const v = (key: keyof EditableItem, fallback = "") =>
    values?.[key] ??
    (item ? (Array.isArray(item[key]) ? (item[key] as string[]).join("\n") : String(item[key])) : fallback);
  const checked = (key: "allowNa" | "critical") => (values ? values[key] === "on" : (item?.[key] ?? false));
  const prefix = item ? `item-${item.id}` : "item-baru";
  return (
    <Form method="post" className="stack" noValidate id={prefix}>
      <input type="hidden" name="intent" value="save-item" />
      <input type="hidden" name="lockVersion" value={lockVersion} />
      {item && <input type="hidden" name="itemId" value={item.id} />}
      <div className="grid-2">
        <SelectField
          name="section"
          label="Bagian"
          id={`${prefix}-section`}
          defaultValue={v("section", "hardskill")}
          error={errors.section}
          options={(["hardskill", "softskill", "kedisiplinan"] as const).map((s) => ({
            value: s,
            label: SECTION_LABELS[s],
          }))}
        />
        <TextField
          name="code"
          label="Kode"
          id={`${prefix}-code`}
          defaultValue={v("code")}
          error={errors.code}
          hint="Misalnya H6"
        />
      </div>
      <TextField
        name="text"
        label="Butir yang dinilai"
        id={`${prefix}-text`}
        defaultValue={v("text")}
        error={errors.text}
      />
      <div className="grid-2">
        <TextField
          name="clause"
          label="Dasar (butir KEP-165/BC/2014)"
          id={`${prefix}-clause`}
          defaultValue={v("clause")}
          error={errors.clause}
          hint="Misalnya B.3.a, 2.1.3. Wajib diisi sebelum template diterbitkan."
        />
        <SelectField
          name="scale"
          label="Skala"
          id={`${prefix}-scale`}
          defaultValue={v("scale", "1-5")}
          error={errors.scale}
          options={[
            { value: "1-5", label: "1–5" },
            { value: "ya_tidak", label: "Ya/Tidak" },
          ]}
        />
        <TextField
          name="weight"
          label="Bobot dalam bagian"
          id={`${prefix}-weight`}
          inputMode="numeric"
          defaultValue={v("weight", "10")}
          error={errors.weight}
          hint="0 untuk butir kritis"
        />
      </div>
      <div className="checks">
        <label>
          <input type="checkbox" name="allowNa" defaultChecked={checked("allowNa")} /> Boleh N/A
        </label>
        <label>
          <input type="checkbox" name="critical" defaultChecked={checked("critical")} /> Butir kritis (Tidak = nilai 0)
        </label>
      </div>
      <TextField
        name="guidance"
        label="Panduan untuk penilai"
        id={`${prefix}-guidance`}
        defaultValue={v("guidance")}
        error={errors.guidance}
      />
      <TextAreaField
        name="levels"
        id={`${prefix}-levels`}
        label="Arti nilai 1 sampai 5 (satu baris per nilai)"
        rows={5}
        defaultValue={v("levels")}
        hint="Kosongkan untuk: Sangat Kurang, Kurang, Cukup, Baik, Sangat Baik."
        error={errors.levels}
      />
      <FormError message={errors._form} errors={errors} />
      <Notice>{notice}</Notice>
      <div className="actions">
        <button type="submit">{item ? "Simpan butir" : "Tambah butir"}</button>
      </div>
    </Form>
  );
}
