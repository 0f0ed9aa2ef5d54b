import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { raporChoices } from "~/.server/exports/rapor";
import { ownMailAddress } from "~/.server/mail/preferences";
import { requirePermission } from "~/.server/session";
import { getStaff } from "~/.server/staff";
import { staffPageExtras } from "~/.server/staff-page";
import { CoachingTable } from "~/components/coaching-table";
import { Notice } from "~/components/field";
import { KpiHistory } from "~/components/kpi-history";
import { CertificationSummary, TrainingRecords } from "~/components/person-certification";
import { RaporForm } from "~/components/rapor-form";
import { StaffFacts } from "~/components/staff-facts";
import { TrainingNeeds } from "~/components/training-needs";
import { ROLE_LABELS } from "../../analytics/roles";
import { can } from "../permissions";

export const meta: MetaFunction = () => [{ title: "Profil — Mutu" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, access, env } = await requirePermission(request, context, "update:profile");
  const person = access.staffId ? await getStaff(env.db, access.staffId, access, true) : null;
  return {
    user: { username: user.username, displayName: user.displayName, roles: user.roles },
    email: await ownMailAddress(env.db, user.id),
    person,
    extras: person ? await staffPageExtras(env.db, person, access, env.settings) : null,
    rapor: person && can(user.roles, "export:rapor") ? raporChoices() : null,
  };
}

export default function Profile() {
  const { user, email, person, extras, rapor } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <div className="page">
      <Notice>{params.get("sandi") ? "Kata sandi Anda telah diganti." : null}</Notice>
      <h1>Profil</h1>
      <p className="lead">{user.displayName}</p>
      <div className="card">
        <dl className="facts">
          <dt>Nama pengguna</dt>
          <dd>{user.username}</dd>
          <dt>Peran</dt>
          <dd>{user.roles.map((r) => ROLE_LABELS[r]).join(", ")}</dd>
          <dt>Alamat surel</dt>
          <dd>{email ?? "Belum diisi: Mutu tidak mengirim surel kepada Anda."}</dd>
          {person && <StaffFacts person={person} />}
        </dl>
      </div>
      {person && <p className="muted">Data kepegawaian yang keliru? Minta SDM memperbaikinya.</p>}
      <div className="actions">
        <Link to="/profil/kata-sandi" className="button">
          Ganti kata sandi
        </Link>
        <Link to="/profil/surel" className="button secondary">
          Atur surel
        </Link>
      </div>
      {extras?.kpi && (
        <section aria-labelledby="kpi">
          <h2 id="kpi">KPI saya</h2>
          <KpiHistory rows={extras.kpi} />
        </section>
      )}
      {extras?.coaching && extras.coaching.length > 0 && (
        <section aria-labelledby="pembinaan">
          <h2 id="pembinaan">Pembinaan saya</h2>
          <CoachingTable rows={extras.coaching} showAgent={false} caption="Pembinaan saya" />
        </section>
      )}
      {extras?.trainingNeeds && (
        <section aria-labelledby="saran-pelatihan">
          <h2 id="saran-pelatihan">Saran pelatihan</h2>
          <TrainingNeeds data={extras.trainingNeeds} linkCourses={extras.canOpenCourses} own />
        </section>
      )}
      {rapor && (
        <section aria-labelledby="rapor">
          <h2 id="rapor">Rapor kinerja saya</h2>
          <p className="muted">
            KPI per periode dengan predikat, setiap evaluasi beserta catatan penilai, jawaban dan sanggahan Anda, nilai
            per butir, pelatihan dan sertifikat Anda, dalam satu berkas Excel.
          </p>
          <RaporForm choices={rapor.choices} from={rapor.from} to={rapor.to} />
        </section>
      )}
      {extras?.certification && (
        <>
          <section aria-labelledby="sertifikasi">
            <h2 id="sertifikasi">Sertifikasi</h2>
            <CertificationSummary
              role={extras.certification.role}
              eligibility={extras.certification.eligibility}
              certificates={extras.certification.certificates}
              linkCertificates={extras.canOpenCertificates}
            />
          </section>
          <section aria-labelledby="pelatihan">
            <h2 id="pelatihan">Pelatihan saya</h2>
            <TrainingRecords trainings={extras.certification.trainings} />
          </section>
        </>
      )}
    </div>
  );
}
