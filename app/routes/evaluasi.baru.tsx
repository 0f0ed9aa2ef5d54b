import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { saveInteractionForm } from "~/.server/evaluation-forms";
import { newInteractionPage } from "~/.server/evaluation-queries";
import { requirePermission } from "~/.server/session";
import { SelectField } from "~/components/field";
import { InteractionForm } from "~/components/interaction-form";
import { initialFromValues } from "~/components/score-sheet";

export const meta: MetaFunction = () => [{ title: "Evaluasi interaksi baru — Mutu" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { access, env } = await requirePermission(request, context, "create:evaluation");
  return newInteractionPage(env.db, access, Number(new URL(request.url).searchParams.get("petugas")));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { access, env, actor } = await requirePermission(request, context, "create:evaluation");
  const result = await saveInteractionForm(env.db, { ...actor, id: access.userId }, access, await request.formData());
  if (!result.ok) return data(result, { status: result.status });
  throw redirect(`/evaluasi/${result.value.id}?${result.value.state === "submitted" ? "terkirim" : "disimpan"}=1`);
}

export default function NewEvaluation() {
  const { agents, agent, version } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const values = failed?.values ?? {};
  return (
    <div className="page page-narrow">
      <p>
        <Link to="/evaluasi">← Evaluasi</Link>
      </p>
      <h1>Evaluasi interaksi baru</h1>
      <Form method="get" className="filters" aria-label="Pilih petugas">
        <SelectField
          name="petugas"
          label="Petugas yang dinilai"
          placeholder="— Pilih petugas —"
          defaultValue={agent?.id ?? ""}
          options={agents.map((a) => ({
            value: a.id,
            label: `${a.fullName} — ${a.teamName.replace("Tim Kerja ", "")}`,
          }))}
        />
        <button type="submit" className="secondary">
          {agent ? "Ganti petugas" : "Lanjut"}
        </button>
      </Form>
      {agent && !version && (
        <p className="alert alert-error">
          Tim {agent.teamName} belum memiliki template penilaian yang terbit. Minta Koordinator Penjamin Kualitas
          menerbitkannya.
        </p>
      )}
      {agent && version && (
        <InteractionForm
          agent={agent}
          version={version}
          values={values}
          initialScores={initialFromValues(version.items, values)}
          errors={failed?.errors ?? {}}
        />
      )}
    </div>
  );
}
