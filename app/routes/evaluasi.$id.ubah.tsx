import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { saveInteractionForm } from "~/.server/evaluation-forms";
import { editableDraft, sentBy } from "~/.server/evaluation-queries";
import { requirePermission } from "~/.server/session";
import { InteractionForm } from "~/components/interaction-form";
import { initialFromScores, initialFromValues } from "~/components/score-sheet";
import { wibInputValue } from "../../analytics/dates";

export const meta: MetaFunction = () => [{ title: "Lanjutkan draf evaluasi — Mutu" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, context, "create:evaluation");
  return { e: await editableDraft(auth, request, Number(params.id)) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { access, env, actor } = await requirePermission(request, context, "create:evaluation");
  const id = Number(params.id);
  const form = await request.formData();
  const result = await saveInteractionForm(env.db, { ...actor, id: access.userId }, access, form, id);
  if (!result.ok) {
    // Sent again after a double click or from a second tab: show what was sent rather than a draft that is gone.
    if (result.status === 409 && (await sentBy(env.db, id, access.userId)))
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
