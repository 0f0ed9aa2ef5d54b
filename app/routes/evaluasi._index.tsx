import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { EVALUATION_SORTS, listEvaluations, listedAgents } from "~/.server/evaluation-list";
import { parseForm } from "~/.server/forms";
import { keepSearch, keptSearch, searchText } from "~/.server/kept-search";
import { requirePermission } from "~/.server/session";
import { EvaluationFilters } from "~/components/evaluation-filters";
import { EvaluationTable } from "~/components/evaluation-table";
import { Notice } from "~/components/field";
import { Pager } from "~/components/pager";
import { readSort, sortParams } from "~/list-params";
import { can, type Scope } from "~/permissions";
import { periodOf, shiftPeriod } from "../../analytics/period";
import { STATE_LABELS } from "../../analytics/scoring";

export const meta: MetaFunction = () => [{ title: "Evaluasi — Mutu" }];

const PERIOD_CHOICES = 12;

/** The filters of an address or of the filter form (both have `get`); everything but the search text. */
function filterFrom(source: { get(name: string): unknown }, scope: Scope, canCreate: boolean, now = new Date()) {
  const text = (name: string) => {
    const value = source.get(name);
    return typeof value === "string" ? value : "";
  };
  const current = periodOf(now);
  const periods = Array.from({ length: PERIOD_CHOICES }, (_, i) => shiftPeriod(current.id, -i));
  const asked = text("periode");
  // An agent sees all of their own evaluations by default; everyone else starts at the current period.
  const periodId =
    asked === "semua"
      ? undefined
      : (periods.find((p) => p.id === asked)?.id ?? (scope === "own" ? undefined : current.id));
  // Drafts are their author's alone: whoever cannot write evaluations is not offered a filter for them.
  const states = Object.keys(STATE_LABELS).filter((s) => s !== "draft" || canCreate);
  return {
    periods: periods.map((p) => ({ value: p.id, label: p.label })),
    periodId,
    states,
    state: states.includes(text("status")) ? text("status") : undefined,
    mine: canCreate && text("milik") === "saya",
    agentId: scope === "own" ? undefined : Number(text("petugas")) || undefined,
  };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, scope, env, sessionId } = await requirePermission(request, context, "read:evaluation");
  const params = new URL(request.url).searchParams;
  const canCreate = can(user.roles, "create:evaluation");
  const { periods, periodId, states, state, mine, agentId } = filterFrom(params, scope, canCreate);
  const search = await keptSearch(env.db, sessionId, "evaluasi");
  const sort = readSort(params, EVALUATION_SORTS);
  const [list, agents] = await Promise.all([
    listEvaluations(
      env.db,
      scope,
      user,
      {
        periodId,
        state,
        agentId,
        assessorId: mine ? user.id : undefined,
        search,
        sort,
        page: Number(params.get("halaman")) || 1,
      },
      env.settings["evaluation.disputeWindowDays"],
    ),
    scope === "own" ? [] : listedAgents(env.db, scope, user),
  ]);
  return {
    ...list,
    scope,
    sort,
    search,
    filter: { periodId: periodId ?? "semua", state: state ?? "", mine, agentId: agentId ?? "" },
    agentName: agents.find((a) => a.id === agentId)?.fullName ?? null,
    agents: agents.map((a) => ({ value: a.id, label: a.fullName })),
    states: states.map((s) => ({ value: s, label: STATE_LABELS[s] ?? s })),
    periods,
    canCreate,
  };
}

const searchInput = z.object({ q: searchText });

/** "Tampilkan" keeps the search text with the session and redirects to the list with the other filters. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { user, scope, env, sessionId } = await requirePermission(request, context, "read:evaluation");
  const form = await request.formData();
  const clear = form.get("intent") === "hapus";
  const parsed = parseForm(searchInput, form);
  if (!clear && !parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  await keepSearch(env.db, sessionId, "evaluasi", clear || !parsed.ok ? "" : parsed.data.q);
  const f = filterFrom(form, scope, can(user.roles, "create:evaluation"));
  const query = new URLSearchParams([
    ["periode", f.periodId ?? "semua"],
    ...(f.state ? [["status", f.state]] : []),
    ...(f.agentId ? [["petugas", String(f.agentId)]] : []),
    ...(f.mine ? [["milik", "saya"]] : []),
    ...sortParams(readSort(new URL(request.url).searchParams, EVALUATION_SORTS)),
  ]);
  throw redirect(`/evaluasi?${query}`, 303);
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
      <EvaluationTable rows={d.rows} showAgent={scope !== "own"} sort={d.sort} />
      <Pager page={d.page} pages={d.pages} total={d.total} size={d.size} label="Halaman daftar evaluasi" />
    </div>
  );
}
