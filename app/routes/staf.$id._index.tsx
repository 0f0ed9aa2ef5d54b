import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { hiddenOrMissing } from "~/.server/access";
import { notFound } from "~/.server/errors";
import { requirePermission } from "~/.server/session";
import { getStaff } from "~/.server/staff";
import { capabilityAction } from "~/.server/staff-forms";
import { staffPageExtras } from "~/.server/staff-page";
import { CoachingTable } from "~/components/coaching-table";
import { Notice } from "~/components/field";
import { KpiHistory } from "~/components/kpi-history";
import { CapabilityDecisions, CertificationSummary, TrainingRecords } from "~/components/person-certification";
import { PersonEvaluations } from "~/components/person-evaluations";
import { StaffFacts } from "~/components/staff-facts";
import { TrainingNeeds } from "~/components/training-needs";
import { can } from "~/permissions";

export const meta: MetaFunction = () => [{ title: "Data staf — Mutu" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, context, "read:staff");
  const { user, access, env } = auth;
  const id = Number(params.id);
  const person = Number.isInteger(id)
    ? await getStaff(env.db, id, access, can(user.roles, "read:staff_personal"))
    : null;
  if (!person) {
    return hiddenOrMissing(
      auth,
      request,
      { entity: "staff", id },
      "Staf ini tidak ditemukan, atau tidak termasuk wewenang Anda.",
    );
  }
  return {
    person,
    canEdit: can(user.roles, "update:staff"),
    canManageUsers: can(user.roles, "manage:user"),
    ...(await staffPageExtras(env.db, person, access, env.settings)),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, access, env, actor } = await requirePermission(request, context, "decide:capability");
  const person = await getStaff(env.db, Number(params.id), access, false);
  if (!person) notFound("Staf ini tidak ditemukan.");
  const result = await capabilityAction(env.db, { ...actor, id: user.id }, person.id, await request.formData());
  if (!result.ok) return data(result, { status: result.status });
  throw redirect(`/staf/${person.id}?${result.intent === "withdraw" ? "dicabut" : "keputusan"}=1`);
}

export default function StaffPage() {
  const d = useLoaderData<typeof loader>();
  const { person, canEdit, canManageUsers, certification, kpi, evaluations, canEvaluate, canDecide, canIssue } = d;
  const failed = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <div className="page">
      <p>
        <Link to="/staf">← Direktori staf</Link>
      </p>
      <Notice>
        {params.get("disimpan") ? "Data staf tersimpan." : null}
        {params.get("keputusan") ? 'Keputusan "dianggap mampu" tercatat.' : null}
        {params.get("dicabut") ? "Keputusan dicabut." : null}
      </Notice>
      <h1>{person.fullName}</h1>
      {!person.active && (
        <p className="lead">
          <span className="badge off">Nonaktif</span>
        </p>
      )}
      <div className="card">
        <dl className="facts">
          <StaffFacts person={person} />
          <dt>Akun Mutu</dt>
          <dd>{person.username ?? "Belum ada"}</dd>
        </dl>
      </div>
      <div className="actions">
        {canEvaluate && (
          <Link to={`/evaluasi/baru?petugas=${person.id}`} className="button">
            Nilai petugas ini
          </Link>
        )}
        {canEdit && (
          <Link to={`/staf/${person.id}/ubah`} className="button">
            Ubah data
          </Link>
        )}
        {canManageUsers && !person.username && (
          <Link to={`/admin/pengguna/baru?staf=${person.id}`} className="button secondary">
            Buat akun untuk staf ini
          </Link>
        )}
      </div>
      {evaluations && <PersonEvaluations person={person} evaluations={evaluations} />}
      {d.coaching && (
        <section aria-labelledby="pembinaan">
          <h2 id="pembinaan">Pembinaan</h2>
          <CoachingTable rows={d.coaching} showAgent={false} caption={`Pembinaan ${person.fullName}`} />
          {d.canCoach && (
            <p>
              <Link to={`/pembinaan/baru?petugas=${person.id}`}>Buka sesi pembinaan untuk {person.fullName}</Link>
            </p>
          )}
        </section>
      )}
      {kpi && (
        <section aria-labelledby="kpi">
          <h2 id="kpi">KPI {kpi.length} periode terakhir</h2>
          <KpiHistory rows={kpi} />
        </section>
      )}
      {d.trainingNeeds && (
        <section aria-labelledby="saran-pelatihan">
          <h2 id="saran-pelatihan">Saran pelatihan</h2>
          <TrainingNeeds data={d.trainingNeeds} linkCourses={d.canOpenCourses} own={false} />
        </section>
      )}
      {certification && (
        <>
          <section aria-labelledby="sertifikasi">
            <h2 id="sertifikasi">Sertifikasi</h2>
            <CertificationSummary
              role={certification.role}
              eligibility={certification.eligibility}
              certificates={certification.certificates}
              issueFor={canIssue ? person.id : undefined}
              linkCertificates={d.canOpenCertificates}
            />
          </section>
          <section aria-labelledby="mampu">
            <h2 id="mampu">Keputusan "dianggap mampu"</h2>
            <CapabilityDecisions
              decisions={certification.decisions}
              canDecide={canDecide}
              role={certification.role}
              failed={failed && !failed.ok ? failed : undefined}
            />
          </section>
          <section aria-labelledby="pelatihan">
            <h2 id="pelatihan">Pelatihan</h2>
            <TrainingRecords trainings={certification.trainings} />
          </section>
        </>
      )}
    </div>
  );
}
