import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { savePeriodReviewForm } from "~/.server/period-review-forms";
import { periodReviewPage } from "~/.server/period-reviews";
import { requirePermission } from "~/.server/session";
import { AdherenceEvidence } from "~/components/adherence-tables";
import { CphFields } from "~/components/cph-fields";
import { FormError, TextAreaField } from "~/components/field";
import { initialFromScores, initialFromValues, ScoreSheet } from "~/components/score-sheet";
import { PERIOD_REVIEW_SECTIONS } from "../../analytics/scoring";

export const meta: MetaFunction = () => [{ title: "Penilaian periode — Mutu" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { access, env } = await requirePermission(request, context, "create:evaluation");
  const url = new URL(request.url);
  const page = await periodReviewPage(
    env.db,
    access,
    env.settings,
    Number(url.searchParams.get("petugas")),
    url.searchParams.get("periode") ?? "",
  );
  // Already sent, or someone else's draft: the review's own page says which.
  if (page.sentId !== null) throw redirect(`/evaluasi/${page.sentId}`);
  return page;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { access, env, actor } = await requirePermission(request, context, "create:evaluation");
  const form = await request.formData();
  const result = await savePeriodReviewForm(env.db, { ...actor, id: access.userId }, access, env.settings, form);
  if (!result.ok) return data(result, { status: result.status });
  throw redirect(`/evaluasi/${result.value.id}?${result.value.state === "submitted" ? "terkirim" : "disimpan"}=1`);
}

export default function PeriodReviewForm() {
  const { agent, period, version, review, targets, imported, adherence } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const errors = failed?.errors ?? {};
  const values = failed?.values ?? {
    cphActual: review?.cphActual != null ? String(review.cphActual).replace(".", ",") : "",
    cphChannel: review?.channel ?? "telepon",
    cphSourceNote: review?.cphSourceNote ?? "",
    note: review?.note ?? "",
  };
  const usesCph = version.weights.cph > 0;
  return (
    <div className="page page-narrow">
      <p>
        <Link to={`/evaluasi/periode?periode=${period.id}`}>← Penilaian periode</Link>
      </p>
      <h1>Penilaian periode</h1>
      <p className="lead">
        {agent.fullName} · {period.label}
      </p>
      <AdherenceEvidence evidence={adherence} />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="agentId" value={agent.id} />
        <input type="hidden" name="periodId" value={period.id} />
        {review && <input type="hidden" name="lockVersion" value={review.lockVersion} />}
        <ScoreSheet
          items={version.items}
          sections={PERIOD_REVIEW_SECTIONS}
          weights={version.weights}
          initial={
            failed
              ? initialFromValues(version.items, failed.values)
              : initialFromScores(version.items, review?.scores ?? {})
          }
          errors={errors}
        />
        {usesCph ? (
          <CphFields imported={imported} targets={targets} values={values} errors={errors} />
        ) : (
          <p className="muted">CPH tidak berlaku untuk template tim ini (bobot 0).</p>
        )}
        <TextAreaField
          name="note"
          label="Catatan dan rekomendasi"
          rows={3}
          defaultValue={values.note}
          error={errors.note}
        />
        <FormError message={errors._form ?? errors.agentId ?? errors.periodId} errors={errors} />
        <div className="actions">
          <button type="submit" name="intent" value="draft" className="secondary">
            Simpan draf
          </button>
          <button type="submit" name="intent" value="submit">
            Kirim ke petugas
          </button>
        </div>
      </Form>
    </div>
  );
}
