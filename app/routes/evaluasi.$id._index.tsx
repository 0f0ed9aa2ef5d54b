import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { deleteDraftForm, respondForm, sendDraftForm } from "~/.server/evaluation-forms";
import { sentBy } from "~/.server/evaluation-queries";
import { evaluationPage } from "~/.server/evaluation-workflow";
import { requirePermission } from "~/.server/session";
import { AdherenceEvidence } from "~/components/adherence-tables";
import { DraftActions, EvaluationResponse } from "~/components/evaluation-actions";
import { EvaluationFacts, ScoresTable, StateBadge } from "~/components/evaluation-view";
import { Notice } from "~/components/field";
import { RevisionHistory } from "~/components/revision-history";
import { formatScore } from "~/score-fields";
import { formatInstantWib } from "../../analytics/dates";
import { sectionsOf } from "../../analytics/scoring";

export const meta: MetaFunction = () => [{ title: "Evaluasi — Mutu" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, context, "read:evaluation");
  return evaluationPage(auth, request, Number(params.id));
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const id = Number(params.id);
  const intent = String(form.get("intent") ?? "");
  if (intent === "delete") {
    const { access, env, actor } = await requirePermission(request, context, "create:evaluation");
    const deleted = await deleteDraftForm(env.db, { ...actor, id: access.userId }, id, form);
    if (!deleted.ok) return data({ ...deleted, intent }, { status: deleted.status });
    throw redirect("/evaluasi?dihapus=1");
  }
  if (intent === "send") {
    const auth = await requirePermission(request, context, "create:evaluation");
    const sent = await sendDraftForm(auth, request, id, form);
    if (sent.ok) throw redirect(`/evaluasi/${id}?terkirim=1`);
    // Sent meanwhile from another tab: show what was sent.
    if (sent.status === 409 && (await sentBy(auth.env.db, id, auth.access.userId)))
      throw redirect(`/evaluasi/${id}?sudah-terkirim=1`);
    return data({ ...sent, intent }, { status: sent.status });
  }
  const auth = await requirePermission(request, context, "respond:evaluation");
  const result = await respondForm(auth, request, id, form);
  if (!result.ok) return data({ ...result, intent }, { status: result.status });
  throw redirect(`/evaluasi/${id}?${result.value === "acknowledge" ? "dikonfirmasi" : "disanggah"}=1`);
}

const NOTICES: Record<string, string> = {
  disimpan: "Draf tersimpan. Evaluasi belum terlihat oleh petugas sampai Anda mengirimnya.",
  terkirim: "Evaluasi terkirim. Petugas dapat mengonfirmasi atau menyanggahnya selama masa sanggah.",
  "sudah-terkirim":
    "Evaluasi ini sudah terkirim dari klik atau jendela lain sebelumnya; isian pengiriman terakhir Anda tidak disimpan. Periksa isinya di bawah.",
  dikonfirmasi: "Terima kasih, evaluasi ini telah Anda konfirmasi.",
  disanggah: "Sanggahan Anda terkirim ke Koordinator Penjamin Kualitas.",
  diselesaikan: "Sanggahan telah diselesaikan; evaluasi ini kini final.",
};

export default function EvaluationPage() {
  const {
    evaluation: e,
    deadline,
    canRespond,
    canEdit,
    canSettle,
    canCoach,
    adherence,
  } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const [params] = useSearchParams();
  const notice = Object.keys(NOTICES).find((k) => params.get(k));
  const sections = sectionsOf(e.kind);
  return (
    <div className="page">
      <p>
        <Link to="/evaluasi">← Evaluasi</Link>
      </p>
      <Notice>{notice ? NOTICES[notice] : null}</Notice>
      <h1>
        {e.kind === "interaction" ? "Evaluasi interaksi" : "Penilaian periode"} #{e.id} <StateBadge state={e.state} />
      </h1>
      <p className="lead">
        {e.kind === "interaction" ? "Nilai total" : "Nilai kedisiplinan"} <strong>{formatScore(e.total)}</strong>
        {e.criticalFailed && <span className="badge danger">Butir kritis gagal: nilai 0</span>}
        {e.revision > 1 && <span className="muted"> · revisi {e.revision}</span>}
      </p>
      <div className="card">
        <EvaluationFacts e={e} />
      </div>
      <ScoresTable
        items={e.version.items}
        sections={sections}
        scores={e.scores}
        sectionScores={{ hardskill: e.hardskill, softskill: e.softskill, kedisiplinan: e.kedisiplinan }}
      />
      {e.kind === "period_review" && <AdherenceEvidence evidence={adherence} />}
      <h2>Catatan dan rekomendasi penilai</h2>
      <p className="quote">{e.note || "—"}</p>

      {e.disputeReason && (
        <section aria-labelledby="sanggahan">
          <h2 id="sanggahan">Sanggahan petugas</h2>
          <p className="muted small">{e.disputedAt ? formatInstantWib(new Date(e.disputedAt)) : ""}</p>
          <p className="quote">{e.disputeReason}</p>
          {e.settlement && (
            <>
              <h3>Penyelesaian: {e.settlement === "upheld" ? "nilai tetap" : "nilai disesuaikan"}</h3>
              <p className="muted small">
                oleh {e.settledByName} · {e.settledAt ? formatInstantWib(new Date(e.settledAt)) : ""}
              </p>
              <p className="quote">{e.settlementNote}</p>
            </>
          )}
        </section>
      )}

      {canRespond && deadline && <EvaluationResponse deadline={deadline} failed={failed} />}
      {canEdit && <DraftActions e={e} failed={failed} />}
      {(canSettle || canCoach) && (
        <div className="actions">
          {canSettle && (
            <Link to={`/evaluasi/${e.id}/selesaikan`} className="button">
              Selesaikan sanggahan
            </Link>
          )}
          {canCoach && (
            <Link to={`/pembinaan/baru?petugas=${e.agentStaffId}&evaluasi=${e.id}`} className="button secondary">
              Buka pembinaan dari evaluasi ini
            </Link>
          )}
        </div>
      )}

      {e.revisions.length > 0 && <RevisionHistory revisions={e.revisions} items={e.version.items} />}
    </div>
  );
}
