import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { cphTargets, importedCph } from "~/.server/cph";
import { notFound } from "~/.server/errors";
import { evaluableAgents } from "~/.server/evaluations";
import { findPeriodReview, savePeriodReviewForm } from "~/.server/period-reviews";
import { loadVersion, publishedVersionForTeam } from "~/.server/scorecards";
import { requirePermission } from "~/.server/session";
import { CphFields } from "~/components/cph-fields";
import { FormError, TextAreaField } from "~/components/field";
import { initialFromScores, initialFromValues, ScoreSheet } from "~/components/score-sheet";
import { periodFromId } from "../../analytics/period";

export const meta: MetaFunction = () => [{ title: "Penilaian periode — Mutu" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, env } = await requirePermission(request, context, "create:evaluation");
  const url = new URL(request.url);
  const agentId = Number(url.searchParams.get("petugas"));
  const periodId = url.searchParams.get("periode") ?? "";
  const agent = (await evaluableAgents(env.db, user.staffId)).find((a) => a.id === agentId);
  if (!agent || !/^\d{4}-(0[1-9]|1[0-2])$/.test(periodId))
    notFound("Pilih petugas dan periode dari daftar penilaian periode.");
  const review = await findPeriodReview(env.db, agent.id, periodId);
  if (review && (review.state !== "draft" || review.assessorUserId !== user.id))
    throw redirect(`/evaluasi/${review.id}`);
  const version = review
    ? await loadVersion(env.db, review.versionId)
    : await publishedVersionForTeam(env.db, agent.teamId);
  if (!version) notFound("Tim petugas ini belum memiliki template penilaian yang terbit.");
  const items = version.items.filter((i) => i.section === "kedisiplinan");
  return {
    agent,
    period: { id: periodId, label: periodFromId(periodId).label },
    version: { ...version, items },
    review,
    targets: cphTargets(env.settings),
    imported: version.weights.cph > 0 ? await importedCph(env.db, agent.id, periodId, env.settings) : null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, env, actor } = await requirePermission(request, context, "create:evaluation");
  const result = await savePeriodReviewForm(
    env.db,
    { ...actor, id: user.id },
    user,
    env.settings,
    await request.formData(),
  );
  if (!result.ok) return data(result, { status: result.status });
  throw redirect(`/evaluasi/${result.value.id}?${result.value.state === "submitted" ? "terkirim" : "disimpan"}=1`);
}

export default function PeriodReviewForm() {
  const { agent, period, version, review, targets, imported } = useLoaderData<typeof loader>();
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
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="agentId" value={agent.id} />
        <input type="hidden" name="periodId" value={period.id} />
        {review && <input type="hidden" name="lockVersion" value={review.lockVersion} />}
        <ScoreSheet
          items={version.items}
          sections={["kedisiplinan"]}
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
