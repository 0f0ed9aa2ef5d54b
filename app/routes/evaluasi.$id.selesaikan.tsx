import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { notFound } from "~/.server/errors";
import { settleForm } from "~/.server/evaluation-forms";
import { getEvaluation } from "~/.server/evaluations";
import { requirePermission } from "~/.server/session";
import { FormError } from "~/components/field";
import { initialFromScores, initialFromValues, ScoreSheet } from "~/components/score-sheet";
import { INTERACTION_SECTIONS, type ItemSection } from "../../analytics/scoring";

export const meta: MetaFunction = () => [{ title: "Selesaikan sanggahan — Mutu" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, env } = await requirePermission(request, context, "settle:evaluation");
  const e = await getEvaluation(env.db, Number(params.id), "any", user);
  if (e?.state !== "disputed") notFound("Tidak ada sanggahan terbuka untuk evaluasi ini.");
  return { e };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, env, actor } = await requirePermission(request, context, "settle:evaluation");
  const id = Number(params.id);
  const result = await settleForm(env.db, { ...actor, id: user.id }, id, await request.formData());
  if (!result.ok) return data(result, { status: result.status });
  throw redirect(`/evaluasi/${id}?diselesaikan=1`);
}

export default function Settle() {
  const { e } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const [outcome, setOutcome] = useState(failed?.values.outcome ?? "upheld");
  const sections: readonly ItemSection[] = e.kind === "interaction" ? INTERACTION_SECTIONS : ["kedisiplinan"];
  const items = e.version.items.filter((i) => sections.includes(i.section));
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
        <FormError message={errors._form} />
        <input type="hidden" name="lockVersion" value={e.lockVersion} />
        <fieldset className="field">
          <legend>Keputusan</legend>
          <div className="checks">
            <label>
              <input
                type="radio"
                name="outcome"
                value="upheld"
                checked={outcome === "upheld"}
                onChange={() => setOutcome("upheld")}
              />
              Nilai tetap (sanggahan tidak diterima)
            </label>
            <label>
              <input
                type="radio"
                name="outcome"
                value="adjusted"
                checked={outcome === "adjusted"}
                onChange={() => setOutcome("adjusted")}
              />
              Nilai disesuaikan (revisi baru)
            </label>
          </div>
          {errors.outcome && <span className="error">{errors.outcome}</span>}
        </fieldset>
        <p className="muted small">
          Bila disesuaikan, nilai di bawah menjadi revisi {e.revision + 1}; revisi sebelumnya tetap terlihat di riwayat.
          Tanpa JavaScript, nilai di bawah hanya dipakai bila Anda memilih "Nilai disesuaikan".
        </p>
        <ScoreSheet
          items={items}
          sections={sections}
          weights={e.version.weights}
          initial={failed ? initialFromValues(items, failed.values) : initialFromScores(items, e.scores)}
          errors={errors}
        />
        <div className="field">
          <label htmlFor="note">Catatan penyelesaian</label>
          <textarea
            id="note"
            name="note"
            rows={3}
            defaultValue={failed?.values.note}
            aria-invalid={errors.note ? true : undefined}
          />
          <span className="hint">Terlihat oleh petugas dan penilai.</span>
          {errors.note && <span className="error">{errors.note}</span>}
        </div>
        <div>
          <button type="submit">Simpan keputusan</button>
        </div>
      </Form>
    </div>
  );
}
