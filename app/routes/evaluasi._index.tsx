import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { evaluationListPage } from "~/.server/evaluation-list";
import { filterListForm } from "~/.server/evaluation-list-forms";
import { requirePermission } from "~/.server/session";
import { EvaluationFilters } from "~/components/evaluation-filters";
import { EvaluationTable } from "~/components/evaluation-table";
import { ExportLinks } from "~/components/export-links";
import { Notice } from "~/components/field";
import { Pager } from "~/components/pager";

export const meta: MetaFunction = () => [{ title: "Evaluasi — Mutu" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, context, "read:evaluation");
  return evaluationListPage(auth, new URL(request.url).searchParams);
}

/** "Tampilkan" keeps the search text with the session and redirects to the list with the other filters. */
export async function action({ request, context }: ActionFunctionArgs) {
  const auth = await requirePermission(request, context, "read:evaluation");
  const result = await filterListForm(auth, await request.formData(), new URL(request.url));
  if ("errors" in result) return data({ errors: result.errors }, { status: 400 });
  throw redirect(result.location, 303);
}

export default function Evaluations() {
  const d = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { scope, agentName } = d;
  return (
    <div className="page">
      <h1>
        {scope === "own"
          ? "Evaluasi saya"
          : agentName
            ? `Evaluasi ${agentName}`
            : scope === "team"
              ? "Evaluasi tim saya"
              : scope === "group"
                ? "Evaluasi regu saya"
                : "Evaluasi"}
      </h1>
      <p className="lead">
        {scope === "own"
          ? "Evaluasi yang telah dikirim penilai kepada Anda. Buka untuk mengonfirmasi atau menyanggah sebelum batas waktunya."
          : "Evaluasi interaksi dan penilaian periode. Draf hanya terlihat oleh penilainya."}
      </p>
      <Notice>{params.get("dihapus") ? "Draf dihapus." : null}</Notice>
      <EvaluationFilters
        scope={scope}
        filter={d.filter}
        search={d.search}
        error={failed?.errors.q}
        periods={d.periods}
        states={d.states}
        agents={d.agents}
        canCreate={d.canCreate}
      />
      <p className="muted" role="status">
        {d.total.toLocaleString("id-ID")} evaluasi{d.search ? ` untuk pencarian “${d.search}”` : ""}.
      </p>
      {d.total > 0 && <ExportLinks list="evaluasi" what="daftar evaluasi ini" />}
      <EvaluationTable rows={d.rows} showAgent={scope !== "own"} sort={d.sort} />
      <Pager page={d.page} pages={d.pages} total={d.total} size={d.size} label="Halaman daftar evaluasi" />
    </div>
  );
}
