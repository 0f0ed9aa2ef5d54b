// One coaching session on its page: what it is based on, the agreed actions with their follow-up, the agent's
// acknowledgement, and the evaluations after it. Each form's result is shown beside it, where the person acted.
import { Form, Link } from "@remix-run/react";
import { COACHING_OUTCOMES, coachingOutcomeLabel, type Effect } from "../../analytics/coaching";
import { formatDay, formatInstantWib } from "../../analytics/dates";
import { periodFromId } from "../../analytics/period";
import { formatScore } from "../score-fields";
import { type EvaluationChoice, evaluationLabel } from "./coaching-new";
import { FormError, Notice, SelectField, TextAreaField, TextField } from "./field";

type Action = {
  id: number;
  description: string;
  owner: string;
  dueOn: string;
  outcome: string | null;
  outcomeNote: string | null;
  outcomeAt: string | Date | null;
  outcomeBy: string | null;
  late: boolean;
};

type Failed = { intent: string; errors: Record<string, string | undefined>; values: Record<string, string> };

export type CoachingSessionData = {
  session: {
    id: number;
    kpiPeriodId: string | null;
    observation: string;
    acknowledgedAt: string | Date | null;
    agentComment: string | null;
  };
  actions: Action[];
  from: EvaluationChoice[];
  after: EvaluationChoice[];
  effect: Effect;
  today: string;
  can: { acknowledge: boolean; manage: boolean };
  owners: { value: number; label: string }[];
};

const when = (at: string | Date | null) => (at ? formatInstantWib(new Date(at)) : "");

function EffectWords({ effect }: { effect: Effect }) {
  if (effect.after.count === 0) return <p className="muted">Belum ada evaluasi interaksi sesudah pembinaan.</p>;
  const { before, after, change } = effect;
  return (
    <p>
      Rata-rata sesudah pembinaan <strong>{formatScore(after.mean)}</strong> ({after.count} evaluasi)
      {before.mean !== null && (
        <>
          {" "}
          dibanding {formatScore(before.mean)} pada evaluasi dasar ({before.count} evaluasi):{" "}
          <strong>
            {change === null || Math.abs(change) < 0.005
              ? "tetap"
              : `${change > 0 ? "naik" : "turun"} ${formatScore(Math.abs(change))} poin`}
          </strong>
        </>
      )}
      .
    </p>
  );
}

function FollowUpForm({ action, failed }: { action: Action; failed?: Failed }) {
  const mine = failed?.intent === "follow_up" && failed.values.actionId === String(action.id);
  const errors = mine ? failed.errors : {};
  return (
    <details className="follow-up" open={mine}>
      <summary>Catat hasilnya</summary>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="follow_up" />
        <input type="hidden" name="actionId" value={action.id} />
        <fieldset className="field">
          <legend>Hasil</legend>
          <div className="checks">
            {COACHING_OUTCOMES.map((o) => (
              <label key={o.code}>
                <input
                  type="radio"
                  name="outcome"
                  value={o.code}
                  defaultChecked={mine && failed.values.outcome === o.code}
                />
                {o.label}
              </label>
            ))}
          </div>
          {errors.outcome && <span className="error">{errors.outcome}</span>}
        </fieldset>
        <TextAreaField
          id={`outcomeNote-${action.id}`}
          name="outcomeNote"
          label="Catatan tindak lanjut"
          rows={2}
          defaultValue={mine ? failed.values.outcomeNote : undefined}
          error={errors.outcomeNote}
        />
        <FormError message={errors._form} errors={errors} />
        <div>
          <button type="submit">Catat tindak lanjut</button>
        </div>
      </Form>
    </details>
  );
}

export function CoachingSession({
  page,
  failed,
  done,
}: {
  page: CoachingSessionData;
  failed?: Failed;
  done: { key: string; text: string } | null;
}) {
  const { session, actions, can } = page;
  const errorsOf = (intent: string) => (failed?.intent === intent ? failed.errors : {});
  const typed = (intent: string, name: string) => (failed?.intent === intent ? failed.values[name] : undefined);
  return (
    <>
      <section aria-labelledby="dasar">
        <h2 id="dasar">Dasar pembinaan</h2>
        {session.kpiPeriodId && <p>Nilai akhir {periodFromId(session.kpiPeriodId).label} di bawah batas.</p>}
        {page.from.length > 0 && (
          <ul>
            {page.from.map((e) => (
              <li key={e.id}>
                <Link to={`/evaluasi/${e.id}`}>{evaluationLabel(e)}</Link>
              </li>
            ))}
          </ul>
        )}
        <h3>Hal yang diamati</h3>
        <p className="quote prewrap">{session.observation}</p>
      </section>

      <section aria-labelledby="tindakan" className="card">
        <h2 id="tindakan">Tindakan yang disepakati</h2>
        <Notice>{done && done.key !== "ditanggapi" ? done.text : null}</Notice>
        <ol className="coaching-actions">
          {actions.map((a) => (
            <li key={a.id}>
              <strong>{a.description}</strong>
              <div>
                {a.owner} · tenggat {formatDay(a.dueOn)}
                {a.late && <span className="badge danger">lewat tenggat</span>}
              </div>
              <div>
                <span className={a.outcome === "tercapai" ? "badge" : a.outcome ? "badge danger" : "badge warn"}>
                  {coachingOutcomeLabel(a.outcome)}
                </span>
                {a.outcome && (
                  <span className="muted small">
                    {" "}
                    {a.outcomeBy} · {when(a.outcomeAt)}
                  </span>
                )}
              </div>
              {a.outcomeNote && <div className="prewrap">{a.outcomeNote}</div>}
              {can.manage && !a.outcome && <FollowUpForm action={a} failed={failed} />}
            </li>
          ))}
        </ol>
        {can.manage && (
          <Form method="post" className="stack" noValidate>
            <h3>Tambah tindakan</h3>
            <input type="hidden" name="intent" value="add_action" />
            <TextField
              name="description"
              label="Tindakan yang disepakati"
              defaultValue={typed("add_action", "description")}
              error={errorsOf("add_action").description}
            />
            <SelectField
              name="owner"
              label="Penanggung jawab"
              placeholder="Pilih…"
              options={page.owners}
              defaultValue={typed("add_action", "owner") ?? ""}
              error={errorsOf("add_action").owner}
            />
            <TextField
              name="due"
              label="Tenggat"
              type="date"
              min={page.today}
              defaultValue={typed("add_action", "due")}
              error={errorsOf("add_action").due}
            />
            <FormError message={errorsOf("add_action")._form} errors={errorsOf("add_action")} />
            <div>
              <button type="submit" className="secondary">
                Tambah tindakan
              </button>
            </div>
          </Form>
        )}
      </section>

      <section aria-labelledby="tanggapan" className="card">
        <h2 id="tanggapan">Tanggapan petugas</h2>
        <Notice>{done?.key === "ditanggapi" ? done.text : null}</Notice>
        {session.acknowledgedAt ? (
          <p>
            Petugas menyatakan telah menerima pembinaan ini pada {when(session.acknowledgedAt)}.
            {session.agentComment && <span className="quote prewrap">{session.agentComment}</span>}
          </p>
        ) : (
          <p className="muted">Petugas belum menanggapi.</p>
        )}
        {can.acknowledge && (
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="acknowledge" />
            <TextAreaField
              name="comment"
              label="Komentar Anda (boleh dikosongkan)"
              rows={3}
              defaultValue={typed("acknowledge", "comment")}
              error={errorsOf("acknowledge").comment}
            />
            <FormError message={errorsOf("acknowledge")._form} errors={errorsOf("acknowledge")} />
            <div>
              <button type="submit">Saya sudah menerima pembinaan ini</button>
            </div>
          </Form>
        )}
      </section>

      <section aria-labelledby="sesudah">
        <h2 id="sesudah">Evaluasi sesudah pembinaan</h2>
        <EffectWords effect={page.effect} />
        {page.after.length > 0 && (
          <ul>
            {page.after.map((e) => (
              <li key={e.id}>
                <Link to={`/evaluasi/${e.id}`}>{evaluationLabel(e)}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
