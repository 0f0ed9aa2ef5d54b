import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { coachableAgent, evaluationChoices, kpiBasis, openCoaching, ownerChoices } from "~/.server/coaching-forms";
import { notFound } from "~/.server/errors";
import { evaluableAgents } from "~/.server/population";
import { reaches } from "~/.server/scope";
import { requirePermission } from "~/.server/session";
import { NewCoachingForm } from "~/components/coaching-new";
import { SelectField } from "~/components/field";
import { wibDay } from "../../analytics/dates";

export const meta: MetaFunction = () => [{ title: "Buka sesi pembinaan — Mutu" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { access, env } = await requirePermission(request, context, "manage:coaching");
  const params = new URL(request.url).searchParams;
  const agents = (await evaluableAgents(env.db, access.staffId)).filter((a) =>
    reaches(access, { staffId: a.id, ...a }),
  );
  const asked = params.get("petugas");
  const agent = asked ? await coachableAgent(env.db, access, Number(asked)) : null;
  if (asked && !agent) notFound("Petugas ini tidak ditemukan, atau tidak termasuk wewenang Anda.");
  const periodId = params.get("periode");
  const today = wibDay(new Date());
  const kpiPeriod = agent && periodId ? await kpiBasis(env.db, agent, periodId, env.settings, today) : null;
  return {
    agents: agents.map((a) => ({ value: a.id, label: `${a.fullName} — ${a.teamName.replace("Tim Kerja ", "")}` })),
    agent,
    evaluations: agent ? await evaluationChoices(env.db, agent.id) : [],
    owners: agent ? await ownerChoices(env.db, agent, access.userId) : [],
    chosenEvaluation: Number(params.get("evaluasi")) || null,
    kpiPeriod,
    today,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { access, env, actor } = await requirePermission(request, context, "manage:coaching");
  const form = await request.formData();
  const agent = await coachableAgent(env.db, access, Number(form.get("agentId")));
  if (!agent) notFound("Petugas ini tidak ditemukan, atau tidak termasuk wewenang Anda.");
  const result = await openCoaching(env.db, { ...actor, id: access.userId }, agent, form, env.settings);
  if (!result.ok) return data(result, { status: result.status });
  throw redirect(`/pembinaan/${result.value}?dibuka=1`);
}

export default function NewCoaching() {
  const d = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <div className="page page-narrow">
      <p>
        <Link to="/pembinaan">← Pembinaan</Link>
      </p>
      <h1>Buka sesi pembinaan</h1>
      <Form method="get" className="filters" aria-label="Pilih petugas">
        <SelectField
          name="petugas"
          label="Petugas yang dibina"
          placeholder="— Pilih petugas —"
          defaultValue={d.agent?.id ?? ""}
          options={d.agents}
        />
        {d.kpiPeriod && <input type="hidden" name="periode" value={d.kpiPeriod.id} />}
        <button type="submit" className="secondary">
          {d.agent ? "Ganti petugas" : "Lanjut"}
        </button>
      </Form>
      {d.agent && (
        <NewCoachingForm
          agent={d.agent}
          evaluations={d.evaluations}
          owners={d.owners}
          chosenEvaluation={d.chosenEvaluation}
          kpiPeriod={d.kpiPeriod}
          today={d.today}
          failed={failed && !failed.ok ? failed : undefined}
        />
      )}
    </div>
  );
}
