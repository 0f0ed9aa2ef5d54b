import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { calibrationPage } from "~/.server/calibration";
import { createSessionForm } from "~/.server/calibration-forms";
import { requirePermission } from "~/.server/session";
import { NewSessionForm } from "~/components/calibration-session-form";
import { DriftTable, SessionTable } from "~/components/calibration-tables";
import { ExportLinks } from "~/components/export-links";

export const meta: MetaFunction = () => [{ title: "Kalibrasi — Mutu" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { access, env } = await requirePermission(request, context, "read:calibration");
  return calibrationPage(env.db, access, env.settings["calibration.spreadThreshold"]);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, env, actor } = await requirePermission(request, context, "manage:calibration");
  const result = await createSessionForm(env.db, { ...actor, id: user.id }, await request.formData());
  if (!result.ok) return data(result, { status: result.status });
  throw redirect(`/kalibrasi/${result.value}`);
}

export default function Calibration() {
  const { sessions, drift, manage, versions, assessors, me } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <div className="page">
      <h1>Kalibrasi</h1>
      <p className="lead">
        Beberapa penilai menilai interaksi yang sama tanpa melihat nilai satu sama lain. Setelah sesi ditutup, sebaran
        per butir dan deviasi tiap penilai terlihat. Nilai kalibrasi tidak pernah dihitung dalam KPI petugas.
      </p>
      <h2>Sesi</h2>
      {sessions.length > 0 && <ExportLinks list="kalibrasi" what="sesi dan deviasi kalibrasi" />}
      <SessionTable sessions={sessions} />
      <h2>{manage ? "Deviasi penilai dari konsensus" : "Deviasi saya dari konsensus"}</h2>
      <DriftTable drift={drift} me={me} />
      {manage && (
        <section aria-labelledby="baru">
          <h2 id="baru">Sesi baru</h2>
          <NewSessionForm versions={versions} assessors={assessors} me={me} failed={failed} />
        </section>
      )}
    </div>
  );
}
