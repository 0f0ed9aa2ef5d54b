import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { hiddenOrMissing } from "~/.server/access";
import { sendDraft } from "~/.server/draft-send";
import { deleteDraftForm, respondForm } from "~/.server/evaluation-forms";
import { disputeDeadline } from "~/.server/evaluation-workflow";
import { getEvaluation, sentBy } from "~/.server/evaluations";
import { requirePermission } from "~/.server/session";
import { DraftActions, EvaluationResponse } from "~/components/evaluation-actions";
import { EvaluationFacts, ScoresTable, StateBadge } from "~/components/evaluation-view";
import { Notice } from "~/components/field";
import { RevisionHistory } from "~/components/revision-history";
import { can } from "~/permissions";
import { formatScore } from "~/score-fields";
import { formatInstantWib } from "../../analytics/dates";
import { INTERACTION_SECTIONS, type ItemSection } from "../../analytics/scoring";

export const meta: MetaFunction = () => [{ title: "Evaluasi — Mutu" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, context, "read:evaluation");
  const { user, scope, env } = auth;
  const id = Number(params.id);
  const evaluation = await getEvaluation(env.db, id, scope, user);
  if (!evaluation) {
    return hiddenOrMissing(
      auth,
      request,
      { entity: "evaluation", id },
      "Evaluasi ini tidak ditemukan, atau tidak termasuk wewenang Anda.",
    );
  }
  const deadline = evaluation.submittedAt
    ? disputeDeadline(evaluation.submittedAt, env.settings["evaluation.disputeWindowDays"])
    : null;
  const isAgent = user.staffId !== null && user.staffId === evaluation.agentStaffId;
  return {
    evaluation,
    deadline,
    canRespond:
      isAgent &&
      can(user.roles, "respond:evaluation") &&
      evaluation.state === "submitted" &&
      !!deadline &&
      deadline > new Date(),
    canEdit: evaluation.state === "draft" && evaluation.assessorUserId === user.id,
    canSettle: evaluation.state === "disputed" && can(user.roles, "settle:evaluation"),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const id = Number(params.id);
  const intent = String(form.get("intent") ?? "");
  if (intent === "delete" || intent === "send") {
    const auth = await requirePermission(request, context, "create:evaluation");
    const { user, env, actor } = auth;
    if (intent === "delete") {
      const deleted = await deleteDraftForm(env.db, { ...actor, id: user.id }, id, form);
      if (!deleted.ok) return data({ ...deleted, intent }, { status: deleted.status });
      throw redirect("/evaluasi?dihapus=1");
    }
    const sent = await sendDraft(auth, request, id, form);
    if (!sent.ok) {
      // Sent meanwhile from another tab: show what was sent.
      if (sent.status === 409 && (await sentBy(env.db, id, user.id)))
        throw redirect(`/evaluasi/${id}?sudah-terkirim=1`);
      return data({ ...sent, intent }, { status: sent.status });
    }
    throw redirect(`/evaluasi/${id}?terkirim=1`);
  }
  const auth = await requirePermission(request, context, "respond:evaluation");
  const { user, scope, env, actor } = auth;
  // Someone else's evaluation does not exist, as far as this agent can tell.
  if (!(await getEvaluation(env.db, id, scope, user))) {
    return hiddenOrMissing(auth, request, { entity: "evaluation", id }, "Evaluasi ini tidak ditemukan.");
  }
  const result = await respondForm(env.db, actor, user, id, form, env.settings["evaluation.disputeWindowDays"]);
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
  const { evaluation: e, deadline, canRespond, canEdit, canSettle } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const [params] = useSearchParams();
  const notice = Object.keys(NOTICES).find((k) => params.get(k));
  const sections: readonly ItemSection[] = e.kind === "interaction" ? INTERACTION_SECTIONS : ["kedisiplinan"];
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
      {canSettle && (
        <div className="actions">
          <Link to={`/evaluasi/${e.id}/selesaikan`} className="button">
            Selesaikan sanggahan
          </Link>
        </div>
      )}

      {e.revisions.length > 0 && <RevisionHistory revisions={e.revisions} items={e.version.items} />}
    </div>
  );
}
