import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { issueCertificate, issueInput } from "~/.server/certificates";
import { eligibilityOf } from "~/.server/certification";
import { notFound } from "~/.server/errors";
import { submitForm } from "~/.server/forms";
import { requirePermission } from "~/.server/session";
import { getStaff } from "~/.server/staff";
import { FormError, TextField } from "~/components/field";
import { formatDay, wibDay } from "../../analytics/dates";
import { CERTIFICATE_ROLES, type CertificateRole, certificateRoleLabel } from "../../analytics/eligibility";
import { formatNip } from "../../analytics/nip";
import { pangkatLabel } from "../../analytics/organization";

export const meta: MetaFunction = () => [{ title: "Terbitkan sertifikat — Mutu" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { access, env } = await requirePermission(request, context, "issue:certificate");
  const url = new URL(request.url);
  const person = await getStaff(env.db, Number(url.searchParams.get("staf")), access, true);
  const role = CERTIFICATE_ROLES.find((r) => r.code === url.searchParams.get("peran"))?.code;
  if (!person || !role) notFound("Pilih staf dan keahlian dari halaman kelayakan.");
  const today = wibDay(new Date());
  return {
    person,
    role,
    today,
    check: await eligibilityOf(env.db, person.id, role as CertificateRole, today),
    signer: { name: env.settings["certificate.signerName"], nip: env.settings["certificate.signerNip"] },
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, env, actor } = await requirePermission(request, context, "issue:certificate");
  const result = await submitForm(issueInput, await request.formData(), (input) =>
    issueCertificate(env.db, { ...actor, id: user.id }, env.settings, input, { origin: new URL(request.url).origin }),
  );
  if (!result.ok) return data(result, { status: result.status });
  throw redirect(`/sertifikat/${result.value.id}?terbit=1`);
}

export default function Issue() {
  const { person, role, today, check, signer } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const errors = failed?.errors ?? {};
  return (
    <div className="page page-narrow">
      <p>
        <Link to="/kelayakan">← Kelayakan</Link>
      </p>
      <h1>Terbitkan Sertifikat Keahlian</h1>
      <p className="lead">
        Sertifikat keahlian diterbitkan oleh Direktur PPKC atas nama Direktur Jenderal (butir E.3). Mutu menyiapkan
        dokumennya di Seksi Penyuluhan dan Layanan Informasi: nomor urut, isi Lampiran IV, kode QR dan kode verifikasi,
        untuk ditandatangani pejabat tersebut.
      </p>
      <div className="card">
        <dl className="facts">
          <dt>Nama</dt>
          <dd>{person.fullName}</dd>
          <dt>NIP</dt>
          <dd className="num">{formatNip(person.nip)}</dd>
          <dt>Tempat / tanggal lahir</dt>
          <dd>{person.birth ? `${person.birth.place} / ${formatDay(person.birth.date)}` : "—"}</dd>
          <dt>Pangkat / golongan</dt>
          <dd>{pangkatLabel(person.golongan)}</dd>
          <dt>Sebagai</dt>
          <dd>{certificateRoleLabel(role)}</dd>
          <dt>Penanda tangan</dt>
          <dd>
            {signer.name ? (
              `${signer.name} (NIP ${formatNip(signer.nip)})`
            ) : (
              <span className="error">belum diisi di Pengaturan</span>
            )}
          </dd>
        </dl>
      </div>
      <h2>Persyaratan (butir E.4)</h2>
      <ul>
        {check.requirements.map((q) => (
          <li key={q.key}>
            {q.met ? "✓" : "✗"} <strong>{q.label}</strong>:{" "}
            {q.met ? q.evidence : <span className="error">{q.missing}</span>}
          </li>
        ))}
      </ul>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="staffId" value={person.id} />
        <input type="hidden" name="role" value={role} />
        <TextField
          name="issuedOn"
          label="Tanggal sertifikat (8)"
          type="date"
          defaultValue={failed?.values.issuedOn ?? today}
          error={errors.issuedOn}
        />
        <p className="muted small">
          Nomor urut (NNN/SK-CC/TTTT, per tahun tanpa celah) diberikan saat disimpan; sertifikat tersimpan sebagai PDF
          persis seperti diterbitkan, dengan kode verifikasi yang dapat diperiksa siapa saja di /verifikasi.
        </p>
        <FormError message={errors._form ?? errors.staffId ?? errors.role} errors={errors} />
        <div>
          <button type="submit" disabled={!check.eligible}>
            Terbitkan sertifikat
          </button>
        </div>
      </Form>
    </div>
  );
}
