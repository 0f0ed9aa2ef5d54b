import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { hiddenOrMissing } from "~/.server/access";
import { deleteDraftForm, respondForm } from "~/.server/evaluation-forms";
import { disputeDeadline } from "~/.server/evaluation-workflow";
import { getEvaluation } from "~/.server/evaluations";
import { requirePermission } from "~/.server/session";
import { EvaluationFacts, ScoresTable, StateBadge } from "~/components/evaluation-view";
import { FormError, Notice } from "~/components/field";
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
  if (form.get("intent") === "delete") {
    const { user, env, actor } = await requirePermission(request, context, "create:evaluation");
    const deleted = await deleteDraftForm(env.db, { ...actor, id: user.id }, id, form);
    if (!deleted.ok) return data(deleted, { status: deleted.status });
    throw redirect("/evaluasi?dihapus=1");
  }
  const auth = await requirePermission(request, context, "respond:evaluation");
  const { user, scope, env, actor } = auth;
  // Someone else's evaluation does not exist, as far as this agent can tell.
  if (!(await getEvaluation(env.db, id, scope, user))) {
    return hiddenOrMissing(auth, request, { entity: "evaluation", id }, "Evaluasi ini tidak ditemukan.");
  }
  const result = await respondForm(env.db, actor, user, id, form, env.settings["evaluation.disputeWindowDays"]);
  if (!result.ok) return data(result, { status: result.status });
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

      {canRespond && deadline && (
        <section aria-labelledby="tanggapan" className="card">
          <h2 id="tanggapan">Tanggapan Anda</h2>
          <p>
            Konfirmasi bila Anda menerima evaluasi ini, atau sanggah dengan alasan sebelum{" "}
            <strong>{formatInstantWib(new Date(deadline))}</strong>.
          </p>
          <FormError message={failed?.errors._form} />
          <Form method="post" className="actions">
            <button type="submit" name="intent" value="acknowledge">
              Konfirmasi evaluasi
            </button>
          </Form>
          <Form method="post" className="stack">
            <div className="field">
              <label htmlFor="reason">Alasan sanggahan</label>
              <textarea
                id="reason"
                name="reason"
                rows={3}
                defaultValue={failed?.values.reason}
                aria-invalid={failed?.errors.reason ? true : undefined}
                aria-describedby="reason-hint"
              />
              <span className="hint" id="reason-hint">
                Sebutkan butir yang Anda sanggah dan alasannya, misalnya rujukan peraturan.
              </span>
              {failed?.errors.reason && <span className="error">{failed.errors.reason}</span>}
            </div>
            <div>
              <button type="submit" name="intent" value="dispute" className="secondary">
                Ajukan sanggahan
              </button>
            </div>
          </Form>
        </section>
      )}

      {canEdit && <FormError message={failed?.errors._form} />}
      <div className="actions">
        {canEdit && (
          <>
            <Link to={`/evaluasi/${e.id}/ubah`} className="button">
              Lanjutkan draf
            </Link>
            <Form method="post">
              <input type="hidden" name="intent" value="delete" />
              <input type="hidden" name="lockVersion" value={e.lockVersion} />
              <button type="submit" className="danger">
                Hapus draf
              </button>
            </Form>
          </>
        )}
        {canSettle && (
          <Link to={`/evaluasi/${e.id}/selesaikan`} className="button">
            Selesaikan sanggahan
          </Link>
        )}
      </div>

      {e.revisions.length > 0 && <RevisionHistory revisions={e.revisions} items={e.version.items} />}
    </div>
  );
}
