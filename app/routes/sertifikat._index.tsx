import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { listCertificates } from "~/.server/certificates";
import { requirePermission } from "~/.server/session";
import { ExportLinks } from "~/components/export-links";
import { Notice } from "~/components/field";
import { can } from "~/permissions";
import { formatDay } from "../../analytics/dates";
import { certificateRoleLabel } from "../../analytics/eligibility";
import { formatNip } from "../../analytics/nip";

export const meta: MetaFunction = () => [{ title: "Sertifikat Keahlian — Mutu" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { access, env } = await requirePermission(request, context, "read:certificate");
  return {
    rows: await listCertificates(env.db, access),
    scope: access.scope,
    canIssue: can(access.roles, "issue:certificate"),
  };
}

export default function Register() {
  const { rows, scope, canIssue } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <div className="page">
      <h1>{scope === "own" ? "Sertifikat saya" : "Register Sertifikat Keahlian"}</h1>
      <p className="lead">
        Sertifikat keahlian diterbitkan oleh Direktur PPKC atas nama Direktur Jenderal (butir E.3, Lampiran IV); di
        Mutu, Seksi Penyuluhan dan Layanan Informasi menyiapkannya untuk ditandatangani. Nomor urut per tahun tanpa
        celah (001/SK-CC/2026; setelah 999 menjadi empat angka, 1000/SK-CC/2026); sertifikat dicabut, tidak pernah
        dihapus. Keabsahannya dapat diperiksa siapa saja dengan kode verifikasi di{" "}
        <Link to="/verifikasi">/verifikasi</Link>.
      </p>
      <Notice>{params.get("dicabut") ? "Sertifikat dicabut." : null}</Notice>
      {canIssue && (
        <p>
          <Link to="/kelayakan?status=layak" className="button">
            Terbitkan sertifikat untuk staf yang memenuhi syarat
          </Link>
        </p>
      )}
      {/* Every year, as the page lists them, whatever else the address holds. */}
      {rows.length > 0 && <ExportLinks list="sertifikat" params={new URLSearchParams()} what="register sertifikat" />}
      {rows.length === 0 ? (
        <p className="muted">Belum ada sertifikat.</p>
      ) : (
        <div className="table-wrap">
          <table className="stack-table">
            <caption className="visually-hidden">Register sertifikat</caption>
            <thead>
              <tr>
                <th scope="col">Nomor</th>
                <th scope="col">Nama</th>
                <th scope="col">NIP</th>
                <th scope="col">Keahlian</th>
                <th scope="col">Tanggal</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id}>
                  <td data-label="Nomor" className="card-title">
                    <Link to={`/sertifikat/${c.id}`}>{c.number}</Link>
                  </td>
                  <td data-label="Nama">{c.fullName}</td>
                  <td className="num" data-label="NIP">
                    {formatNip(c.nip)}
                  </td>
                  <td data-label="Keahlian">{certificateRoleLabel(c.qualifiedRole)}</td>
                  <td className="num" data-label="Tanggal">
                    {formatDay(c.issuedOn)}
                  </td>
                  <td data-label="Status">
                    {c.revokedAt ? (
                      <span className="badge danger">dicabut</span>
                    ) : (
                      <span className="badge">berlaku</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
