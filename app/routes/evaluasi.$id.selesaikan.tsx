import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { settleForm } from "~/.server/evaluation-forms";
import { openDispute } from "~/.server/evaluation-workflow";
import { requirePermission } from "~/.server/session";
import { ScoresTable } from "~/components/evaluation-view";
import { FormError, TextAreaField } from "~/components/field";
import { initialFromScores, initialFromValues, ScoreSheet } from "~/components/score-sheet";
import { useHydrated } from "~/components/use-hydrated";
import { formatScore } from "~/score-fields";

export const meta: MetaFunction = () => [{ title: "Selesaikan sanggahan — Mutu" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { access, env } = await requirePermission(request, context, "settle:evaluation");
  return { e: await openDispute(env.db, access, Number(params.id)) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { access, env, actor } = await requirePermission(request, context, "settle:evaluation");
  const id = Number(params.id);
  const result = await settleForm(env.db, { ...actor, id: access.userId }, id, await request.formData());
  if (!result.ok) return data(result, { status: result.status });
  throw redirect(`/evaluasi/${id}?diselesaikan=1`);
}

export default function Settle() {
  const { e } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const [outcome, setOutcome] = useState(failed?.values.outcome ?? "upheld");
  // Without scripts the scorecard stays editable and the server refuses "Nilai tetap" with changed scores;
  // with scripts it can be edited only while "Nilai disesuaikan" is chosen (the edits are kept if you switch).
  const locked = useHydrated() && outcome !== "adjusted";
  const { sections, items } = e;
  const errors = failed?.errors ?? {};
  return (
    <div className="page page-narrow">
      <p>
        <Link to={`/evaluasi/${e.id}`}>← Evaluasi #{e.id}</Link>
      </p>
      <h1>Selesaikan sanggahan</h1>
      <p className="lead">
        {e.agentName} menyanggah evaluasi oleh {e.assessorName}:
      </p>
      <p className="quote">{e.disputeReason}</p>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="lockVersion" value={e.lockVersion} />
        <fieldset className="field" aria-describedby={errors.outcome ? "outcome-error" : undefined}>
          <legend>Keputusan</legend>
          <div className="checks">
            {OUTCOMES.map(([value, label]) => (
              <label key={value}>
                <input
                  type="radio"
                  name="outcome"
                  value={value}
                  checked={outcome === value}
                  onChange={() => setOutcome(value)}
                  aria-invalid={errors.outcome ? true : undefined}
                  // biome-ignore lint/a11y/noAutofocus: after a refusal the decision in error takes the focus, also without scripts.
                  autoFocus={errors.outcome && value === outcome ? true : undefined}
                />
                {label}
              </label>
            ))}
          </div>
          {errors.outcome && (
            <span className="error" id="outcome-error">
              {errors.outcome}
            </span>
          )}
        </fieldset>
        {locked ? (
          <>
            <p className="muted small">
              Nilai yang berlaku (revisi {e.revision}). Pilih "Nilai disesuaikan" untuk mengubahnya.
            </p>
            <ScoresTable
              items={items}
              sections={sections}
              scores={e.scores}
              sectionScores={{ hardskill: e.hardskill, softskill: e.softskill, kedisiplinan: e.kedisiplinan }}
            />
            <p>
              {e.kind === "interaction" ? "Nilai total" : "Nilai kedisiplinan"} <strong>{formatScore(e.total)}</strong>
            </p>
          </>
        ) : (
          <p className="muted small">
            Bila disesuaikan, nilai di bawah menjadi revisi {e.revision + 1}; revisi sebelumnya tetap terlihat di
            riwayat. Nilai yang diubah hanya disimpan dengan keputusan "Nilai disesuaikan".
          </p>
        )}
        {/* Kept while hidden, so edits survive a switch to "Nilai tetap" and back; disabled, it sends nothing. */}
        <fieldset className="plain" disabled={locked} hidden={locked}>
          <legend className="visually-hidden">Nilai yang disesuaikan</legend>
          <ScoreSheet
            items={items}
            sections={sections}
            weights={e.version.weights}
            initial={failed ? initialFromValues(items, failed.values) : initialFromScores(items, e.scores)}
            errors={errors}
          />
        </fieldset>
        <TextAreaField
          name="note"
          label="Catatan penyelesaian"
          rows={3}
          defaultValue={failed?.values.note}
          error={errors.note}
          hint="Terlihat oleh petugas dan penilai."
        />
        <FormError message={errors._form} errors={errors} />
        <div>
          <button type="submit">Simpan keputusan</button>
        </div>
      </Form>
    </div>
  );
}

const OUTCOMES = [
  ["upheld", "Nilai tetap (sanggahan tidak diterima)"],
  ["adjusted", "Nilai disesuaikan (revisi baru)"],
] as const;
