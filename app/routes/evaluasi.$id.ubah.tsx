import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { hiddenOrMissing, recordDenied } from "~/.server/access";
import { notFound } from "~/.server/errors";
import { saveInteractionForm } from "~/.server/evaluation-forms";
import { getEvaluation, sentBy } from "~/.server/evaluations";
import { requirePermission } from "~/.server/session";
import { InteractionForm } from "~/components/interaction-form";
import { initialFromScores, initialFromValues } from "~/components/score-sheet";
import { wibInputValue } from "../../analytics/dates";
import { INTERACTION_SECTIONS } from "../../analytics/scoring";

export const meta: MetaFunction = () => [{ title: "Lanjutkan draf evaluasi — Mutu" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, context, "create:evaluation");
  const { user, env } = auth;
  const id = Number(params.id);
  const e = await getEvaluation(env.db, id, "any", user);
  // Only the author's own drafts can be edited; anything else looks like it does not exist.
  const message = "Draf evaluasi ini tidak ditemukan, atau sudah dikirim.";
  if (!e) return hiddenOrMissing(auth, request, { entity: "evaluation", id }, message);
  if (e.assessorUserId !== user.id) {
    await recordDenied(auth, request, "evaluation", id);
    notFound(message);
  }
  if (e.state !== "draft" || e.kind !== "interaction") notFound(message);
  const items = e.version.items.filter((i) => INTERACTION_SECTIONS.includes(i.section));
  return { e: { ...e, version: { ...e.version, items } } };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, env, actor } = await requirePermission(request, context, "create:evaluation");
  const id = Number(params.id);
  const result = await saveInteractionForm(env.db, { ...actor, id: user.id }, user, await request.formData(), id);
  if (!result.ok) {
    // Sent again after a double click or from a second tab: show what was sent rather than a draft that is gone.
    if (result.status === 409 && (await sentBy(env.db, id, user.id)))
      throw redirect(`/evaluasi/${id}?sudah-terkirim=1`);
    return data(result, { status: result.status });
  }
  throw redirect(`/evaluasi/${id}?${result.value.state === "submitted" ? "terkirim" : "disimpan"}=1`);
}

export default function EditDraft() {
  const { e } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const values = failed?.values ?? {
    channel: e.channel ?? "",
    interactionRef: e.interactionRef ?? "",
    interactionAt: e.interactionAt ? wibInputValue(new Date(e.interactionAt)) : "",
    note: e.note,
  };
  return (
    <div className="page page-narrow">
      <p>
        <Link to={`/evaluasi/${e.id}`}>← Evaluasi #{e.id}</Link>
      </p>
      <h1>Lanjutkan draf evaluasi</h1>
      <InteractionForm
        agent={{ id: e.agentStaffId, fullName: e.agentName, teamName: e.version.teamName }}
        version={e.version}
        values={values}
        initialScores={
          failed ? initialFromValues(e.version.items, failed.values) : initialFromScores(e.version.items, e.scores)
        }
        errors={failed?.errors ?? {}}
        lockVersion={e.lockVersion}
      />
    </div>
  );
}
