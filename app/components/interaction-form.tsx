import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { parseWibDateTime } from "../../analytics/dates";
import { CHANNELS } from "../../analytics/organization";
import { periodOf } from "../../analytics/period";
import { INTERACTION_SECTIONS, type SectionWeights } from "../../analytics/scoring";
import { FormError, SelectField, TextField } from "./field";
import { ScoreSheet, type SheetItem } from "./score-sheet";

type Props = {
  agent: { id: number; fullName: string; teamName: string };
  version: { templateName: string; version: number; weights: SectionWeights; items: SheetItem[] };
  values: Record<string, string>;
  initialScores: Record<number, { value: string; comment: string }>;
  errors: Partial<Record<string, string>>;
  lockVersion?: number;
};

/** Header of an interaction evaluation, its scorecard, the overall note, and Save draft / Submit. */
export function InteractionForm({ agent, version, values, initialScores, errors, lockVersion }: Props) {
  const [at, setAt] = useState(values.interactionAt ?? "");
  const busy = useNavigation().state === "submitting";
  const when = parseWibDateTime(at);
  return (
    <Form method="post" className="stack" noValidate>
      <input type="hidden" name="agentId" value={agent.id} />
      {lockVersion !== undefined && <input type="hidden" name="lockVersion" value={lockVersion} />}
      <div className="card">
        <p>
          Petugas: <strong>{agent.fullName}</strong> · {agent.teamName}
          <br />
          <span className="muted small">
            Template: {version.templateName}, versi {version.version}
          </span>
        </p>
        {errors.agentId && (
          <p className="error" role="alert">
            {errors.agentId}
          </p>
        )}
        <div className="grid-2">
          <SelectField
            name="channel"
            label="Saluran"
            placeholder="— Pilih saluran —"
            defaultValue={values.channel ?? ""}
            error={errors.channel}
            options={CHANNELS.map((c) => ({ value: c.code, label: c.label }))}
          />
          <TextField
            name="interactionRef"
            label="Rujukan interaksi"
            defaultValue={values.interactionRef}
            error={errors.interactionRef}
            hint="Nomor tiket, ID panggilan, atau alamat/nomor pengirim."
            autoComplete="off"
          />
          <TextField
            name="interactionAt"
            label="Waktu interaksi (WIB)"
            type="datetime-local"
            value={at}
            onChange={(e) => setAt(e.target.value)}
            error={errors.interactionAt}
            status={when ? <span className="ok">{periodOf(when).label}</span> : null}
          />
        </div>
      </div>
      <ScoreSheet
        items={version.items}
        sections={INTERACTION_SECTIONS}
        weights={version.weights}
        initial={initialScores}
        errors={errors}
      />
      <div className="field">
        <label htmlFor="note">Catatan keseluruhan dan rekomendasi</label>
        <textarea
          id="note"
          name="note"
          rows={4}
          defaultValue={values.note}
          aria-describedby={errors.note ? "note-hint note-error" : "note-hint"}
          aria-invalid={errors.note ? true : undefined}
          // biome-ignore lint/a11y/noAutofocus: after a refusal the first field in error takes the focus, also without scripts.
          autoFocus={errors.note ? true : undefined}
        />
        <span className="hint" id="note-hint">
          Butir 3.1.2 KEP-165/BC/2014: kesimpulan dan rekomendasi objektif, didukung peraturan yang berkaitan.
        </span>
        {errors.note && (
          <span className="error" id="note-error">
            {errors.note}
          </span>
        )}
      </div>
      <FormError message={errors._form} errors={errors} />
      <div className="actions">
        <button type="submit" name="intent" value="draft" className="secondary" disabled={busy}>
          Simpan draf
        </button>
        <button type="submit" name="intent" value="submit" disabled={busy}>
          Kirim ke petugas
        </button>
        <span className="muted small">Setelah dikirim, nilai hanya dapat diubah melalui sanggahan.</span>
      </div>
    </Form>
  );
}
