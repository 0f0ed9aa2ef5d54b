// Public: whether a certificate is valid, revoked or unknown, from the code on its paper (no sign-in,
// rate-limited per address). Only number, name, role and dates; never the NIP or the birth date.
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { enforceLookupLimit } from "~/.server/rate-limit";
import { requestEnv } from "~/.server/session";
import { verifyCertificate } from "~/.server/verification";
import { VerificationForm } from "~/components/verification-form";
import { formatDay, formatInstantWib } from "../../analytics/dates";
import { certificateRoleLabel } from "../../analytics/eligibility";
import { formatVerificationCode } from "../../analytics/verification-code";

export const meta: MetaFunction = () => [
  { title: "Verifikasi Sertifikat Keahlian — Mutu" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const env = await requestEnv(request, context);
  await enforceLookupLimit(env.db, env.settings, env.ip, context);
  const answer = await verifyCertificate(env.db, params.kode ?? "");
  return data(answer, { status: answer.found ? 200 : 404 });
}

export default function Verification() {
  const answer = useLoaderData<typeof loader>();
  return (
    <div className="page page-narrow">
      <p>
        <Link to="/verifikasi">← Periksa kode lain</Link>
      </p>
      <h1>Verifikasi Sertifikat Keahlian</h1>
      {!answer.found ? (
        <>
          <div className="alert alert-error" role="status">
            <strong>Kode tidak dikenal.</strong> Tidak ada Sertifikat Keahlian dengan kode “{answer.code}”. Periksa
            kembali kode di bawah kode QR (sepuluh huruf dan angka; tanpa huruf O, I atau L dan tanpa angka 0 atau 1).
            Sertifikat yang kodenya tidak dikenal tidak dapat dianggap sah.
          </div>
          <VerificationForm defaultValue={answer.code} />
        </>
      ) : (
        <>
          <div className={`alert ${answer.revokedOn ? "alert-error" : "alert-ok"}`} role="status">
            {answer.revokedOn ? (
              <>
                <strong>Sertifikat ini telah dicabut</strong> sejak {formatInstantWib(new Date(answer.revokedOn))} dan
                tidak berlaku lagi.
              </>
            ) : (
              <strong>Sertifikat ini sah dan berlaku.</strong>
            )}
          </div>
          <div className="card">
            <dl className="facts">
              <dt>Nomor</dt>
              <dd className="num">{answer.number}</dd>
              <dt>Nama</dt>
              <dd>{answer.fullName}</dd>
              <dt>Keahlian</dt>
              <dd>{certificateRoleLabel(answer.role)}</dd>
              <dt>Tanggal sertifikat</dt>
              <dd>{formatDay(answer.issuedOn)}</dd>
              {answer.revokedOn && (
                <>
                  <dt>Dicabut</dt>
                  <dd>{formatInstantWib(new Date(answer.revokedOn))}</dd>
                </>
              )}
              <dt>Kode verifikasi</dt>
              <dd className="num">{formatVerificationCode(answer.code)}</dd>
            </dl>
          </div>
          <p className="muted small">
            Sertifikat Keahlian Contact Center Direktorat Jenderal Bea dan Cukai, diterbitkan oleh Direktur PPKC atas
            nama Direktur Jenderal (KEP-165/BC/2014 butir E.3). Halaman ini hanya menampilkan data untuk mencocokkan
            sertifikat; data pribadi lain tidak ditampilkan.
          </p>
        </>
      )}
    </div>
  );
}
