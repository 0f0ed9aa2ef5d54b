import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { listEvaluations } from "~/.server/evaluations";
import { requirePermission } from "~/.server/session";
import { EvaluationTable } from "~/components/evaluation-table";
import { Notice, SelectField } from "~/components/field";
import { can } from "~/permissions";
import { periodOf, shiftPeriod } from "../../analytics/period";
import { STATE_LABELS } from "../../analytics/scoring";

export const meta: MetaFunction = () => [{ title: "Evaluasi — Mutu" }];

const PERIOD_CHOICES = 12;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, scope, env } = await requirePermission(request, context, "read:evaluation");
  const url = new URL(request.url);
  const current = periodOf(new Date());
  const periods = Array.from({ length: PERIOD_CHOICES }, (_, i) => shiftPeriod(current.id, -i));
  const asked = url.searchParams.get("periode");
  // An agent sees all of their own evaluations by default; everyone else starts at the current period.
  const periodId =
    asked === "semua"
      ? undefined
      : (periods.find((p) => p.id === asked)?.id ?? (scope === "own" ? undefined : current.id));
  const state = Object.hasOwn(STATE_LABELS, url.searchParams.get("status") ?? "")
    ? (url.searchParams.get("status") ?? undefined)
    : undefined;
  const mine = url.searchParams.get("milik") === "saya";
  const agentId = Number(url.searchParams.get("petugas")) || undefined;
  const rows = await listEvaluations(env.db, scope, user, {
    periodId,
    state,
    agentId,
    assessorId: mine ? user.id : undefined,
  });
  return {
    rows,
    scope,
    periodId: periodId ?? "semua",
    state: state ?? "",
    mine,
    agentId,
    agentName: agentId ? (rows[0]?.agentName ?? null) : null,
    periods: periods.map((p) => ({ value: p.id, label: p.label })),
    canCreate: can(user.roles, "create:evaluation"),
  };
}

export default function Evaluations() {
  const { rows, scope, periodId, state, mine, agentId, agentName, periods, canCreate } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
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
          ? "Evaluasi yang telah dikirim penilai kepada Anda. Buka untuk mengonfirmasi atau menyanggah."
          : "Evaluasi interaksi dan penilaian periode. Draf hanya terlihat oleh penilainya."}
      </p>
      <Notice>{params.get("dihapus") ? "Draf dihapus." : null}</Notice>
      <Form method="get" className="filters">
        {agentId && <input type="hidden" name="petugas" value={agentId} />}
        <SelectField
          name="periode"
          label="Periode"
          defaultValue={periodId}
          options={[{ value: "semua", label: "Semua periode" }, ...periods]}
        />
        <SelectField
          name="status"
          label="Status"
          placeholder="Semua status"
          defaultValue={state}
          options={Object.entries(STATE_LABELS).map(([value, label]) => ({ value, label }))}
        />
        {canCreate && (
          <label className="checks">
            <input type="checkbox" name="milik" value="saya" defaultChecked={mine} /> Hanya yang saya nilai
          </label>
        )}
        <button type="submit">Tampilkan</button>
        {canCreate && (
          <>
            <Link to="/evaluasi/baru" className="button secondary">
              Evaluasi interaksi baru
            </Link>
            <Link to="/evaluasi/periode" className="button secondary">
              Penilaian periode
            </Link>
          </>
        )}
      </Form>
      <p className="muted" role="status">
        {rows.length} evaluasi.
      </p>
      <EvaluationTable rows={rows} showAgent={scope !== "own"} />
    </div>
  );
}
