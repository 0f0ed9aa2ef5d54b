import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import {
  assessorDrift,
  calibratableVersions,
  createSession,
  eligibleAssessors,
  listSessions,
  sessionInput,
} from "~/.server/calibration";
import { submitForm } from "~/.server/forms";
import { requirePermission } from "~/.server/session";
import { FormError, SelectField, TextField } from "~/components/field";
import { can } from "~/permissions";
import { formatScore } from "~/score-fields";
import { CHANNELS } from "../../analytics/organization";
import { periodFromId, periodShortLabel } from "../../analytics/period";

export const meta: MetaFunction = () => [{ title: "Kalibrasi — Mutu" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, scope, env } = await requirePermission(request, context, "read:calibration");
  const manage = can(user.roles, "manage:calibration");
  return {
    sessions: await listSessions(env.db, scope, user),
    drift: await assessorDrift(env.db, scope, user, env.settings["calibration.spreadThreshold"]),
    manage,
    versions: manage ? await calibratableVersions(env.db) : [],
    assessors: manage ? await eligibleAssessors(env.db) : [],
    me: user.id,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, env, actor } = await requirePermission(request, context, "manage:calibration");
  const result = await submitForm(sessionInput, await request.formData(), (input) =>
    createSession(env.db, { ...actor, id: user.id }, input),
  );
  if (!result.ok) return data(result, { status: result.status });
  throw redirect(`/kalibrasi/${result.value}`);
}

export default function Calibration() {
  const { sessions, drift, manage, versions, assessors, me } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const errors = failed?.errors ?? {};
  const values = failed?.values ?? {};
  const chosen = values["participants[]"]?.split("\n") ?? [];
  return (
    <div className="page">
      <h1>Kalibrasi</h1>
      <p className="lead">
        Beberapa penilai menilai interaksi yang sama tanpa melihat nilai satu sama lain. Setelah sesi ditutup, sebaran
        per butir dan deviasi tiap penilai terlihat. Nilai kalibrasi tidak pernah dihitung dalam KPI petugas.
      </p>
      <h2>Sesi</h2>
      {sessions.length === 0 ? (
        <p className="muted">Belum ada sesi kalibrasi.</p>
      ) : (
        <div className="table-wrap">
          <table className="stack-table">
            <caption className="visually-hidden">Sesi kalibrasi</caption>
            <thead>
              <tr>
                <th scope="col">Sesi</th>
                <th scope="col">Periode</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Nilai masuk
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id}>
                  <td data-label="Sesi" className="card-title">
                    <Link to={`/kalibrasi/${s.id}`}>{s.title}</Link>
                  </td>
                  <td data-label="Periode">{periodFromId(s.periodId).label}</td>
                  <td data-label="Status">{s.state === "open" ? "Terbuka" : "Ditutup"}</td>
                  <td className="num" data-label="Nilai masuk">
                    {s.submitted} / {s.participants}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>{manage ? "Deviasi penilai dari konsensus" : "Deviasi saya dari konsensus"}</h2>
      {drift.length === 0 ? (
        <p className="muted">Belum ada sesi yang ditutup.</p>
      ) : (
        <div className="table-wrap">
          <table className="stack-table">
            <caption className="visually-hidden">Deviasi per sesi</caption>
            <thead>
              <tr>
                <th scope="col">Penilai</th>
                <th scope="col">Sesi</th>
                <th scope="col">Periode</th>
                <th scope="col" className="num">
                  Deviasi rata-rata per butir (poin)
                </th>
                <th scope="col" className="num">
                  Selisih nilai total (poin)
                </th>
              </tr>
            </thead>
            <tbody>
              {drift.map((d) => (
                <tr key={`${d.sessionId}-${d.assessorId}`}>
                  <td data-label="Penilai" className="card-title">
                    {d.assessorId === me ? <strong>{d.name} (Anda)</strong> : d.name}
                  </td>
                  <td data-label="Sesi">
                    <Link to={`/kalibrasi/${d.sessionId}`}>{d.title}</Link>
                  </td>
                  <td data-label="Periode" title={periodFromId(d.periodId).label}>
                    {periodShortLabel(d.periodId)}
                  </td>
                  <td className="num" data-label="Deviasi rata-rata per butir (poin)">
                    {formatScore(d.meanDeviation)}
                  </td>
                  <td className="num" data-label="Selisih nilai total (poin)">
                    {formatScore(d.totalDeviation)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {manage && (
        <section aria-labelledby="baru">
          <h2 id="baru">Sesi baru</h2>
          <Form method="post" className="card stack" noValidate>
            <TextField name="title" label="Judul" defaultValue={values.title} error={errors.title} />
            <div className="grid-2">
              <SelectField
                name="versionId"
                label="Template"
                defaultValue={values.versionId}
                error={errors.versionId}
                options={versions.map((v) => ({ value: v.id, label: `${v.name}, versi ${v.version}` }))}
              />
              <SelectField
                name="channel"
                label="Saluran"
                placeholder="— Pilih saluran —"
                defaultValue={values.channel ?? ""}
                error={errors.channel}
                options={CHANNELS.map((c) => ({ value: c.code, label: c.label }))}
              />
              <TextField
                name="interactionRef"
                label="Rujukan interaksi"
                defaultValue={values.interactionRef}
                error={errors.interactionRef}
              />
              <TextField
                name="interactionAt"
                label="Waktu interaksi (WIB)"
                type="datetime-local"
                defaultValue={values.interactionAt}
                error={errors.interactionAt}
              />
            </div>
            <fieldset className="field">
              <legend>Peserta (penilai)</legend>
              <div className="checks">
                {assessors
                  .filter((a) => a.id !== me)
                  .map((a) => (
                    <label key={a.id}>
                      <input
                        type="checkbox"
                        name="participants[]"
                        value={a.id}
                        defaultChecked={chosen.includes(String(a.id))}
                      />
                      {a.name}
                    </label>
                  ))}
              </div>
              {errors["participants[]"] && <span className="error">{errors["participants[]"]}</span>}
            </fieldset>
            <label className="checks">
              <input type="checkbox" name="benchmark" defaultChecked={values.benchmark === "on"} /> Saya juga menilai
              sebagai acuan (benchmark); tanpa acuan, konsensus = median penilai
            </label>
            <FormError message={errors._form} errors={errors} />
            <div>
              <button type="submit">Buat sesi</button>
            </div>
          </Form>
        </section>
      )}
    </div>
  );
}
