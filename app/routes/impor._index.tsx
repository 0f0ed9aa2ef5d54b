import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { uploadForm } from "~/.server/import-forms";
import { importPage } from "~/.server/imports/visible";
import { requirePermission } from "~/.server/session";
import { FormError, Notice, SelectField } from "~/components/field";
import { ImportFormats } from "~/components/import-formats";
import { formatInstantWib } from "../../analytics/dates";
import { KIND_LABELS } from "../../analytics/import-rules";

export const meta: MetaFunction = () => [{ title: "Impor data — Mutu" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { access, env } = await requirePermission(request, context, "import:data");
  return importPage(env.db, access, env.settings["import.maxMegabytes"]);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { access, env } = await requirePermission(request, context, "import:data");
  const result = await uploadForm(env.db, access, request, env.settings["import.maxMegabytes"]);
  if (!result.ok) return data(result, { status: 400 });
  throw redirect(`/impor/${result.uploadId}`);
}

export default function Imports() {
  const { kinds, formats, batches, maxMegabytes } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state !== "idle";
  return (
    <div className="page">
      <h1>Impor data</h1>
      <p className="lead">
        Unggah berkas CSV (koma, titik koma atau tab; UTF-8) atau berkas Excel (.xlsx). Mutu memeriksa setiap baris dan
        menampilkan pratinjau: tidak ada yang disimpan sebelum Anda menyetujuinya. Kolom tiap jenis berkas dan berkas
        contohnya ada di <a href="#format-berkas">Format berkas dan contoh</a>.
      </p>
      <Notice>
        {params.get("tanpa-perubahan") ? "Berkas sudah pernah diimpor: tidak ada data yang berubah." : null}
        {params.get("pratinjau-dibatalkan")
          ? "Pratinjau dibatalkan: berkas yang diunggah dihapus, tidak ada data yang disimpan."
          : null}
      </Notice>
      <Form method="post" encType="multipart/form-data" className="card stack">
        <FormError message={failed?.errors._form} />
        <SelectField name="kind" label="Jenis data" options={kinds} error={failed?.errors.kind} />
        <div className="field">
          <label htmlFor="file">Berkas CSV atau Excel</label>
          <input
            id="file"
            name="file"
            type="file"
            accept=".csv,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="file-hint"
          />
          <span className="hint" id="file-hint">
            Paling besar {maxMegabytes} MB.
          </span>
          {failed?.errors.file && <span className="error">{failed.errors.file}</span>}
        </div>
        <div className="field">
          <label htmlFor="sheet">Lembar (hanya untuk Excel, boleh kosong)</label>
          <input id="sheet" name="sheet" type="text" maxLength={100} aria-describedby="sheet-hint" />
          <span className="hint" id="sheet-hint">
            Kosong: lembar pertama yang terlihat. Nama kolom harus ada di baris 1 lembar itu.
          </span>
          {failed?.errors.sheet && <span className="error">{failed.errors.sheet}</span>}
        </div>
        <div>
          <button type="submit" disabled={busy}>
            {busy ? "Mengunggah dan memeriksa…" : "Unggah dan periksa"}
          </button>
        </div>
      </Form>
      <ImportFormats formats={formats} maxMegabytes={maxMegabytes} />
      <h2>Riwayat impor</h2>
      {batches.length === 0 ? (
        <p className="muted">Belum ada impor.</p>
      ) : (
        <div className="table-wrap">
          <table className="stack-table">
            <caption className="visually-hidden">Riwayat impor</caption>
            <thead>
              <tr>
                <th scope="col">No.</th>
                <th scope="col">Waktu</th>
                <th scope="col">Jenis</th>
                <th scope="col">Berkas</th>
                <th scope="col">Oleh</th>
                <th scope="col" className="num">
                  Baru
                </th>
                <th scope="col" className="num">
                  Diperbarui
                </th>
                <th scope="col" className="num">
                  Kesalahan
                </th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {batches.map((b) => (
                <tr key={b.id}>
                  <td data-label="No." className="card-title">
                    <Link to={`/impor/riwayat/${b.id}`}>#{b.id}</Link>
                  </td>
                  <td className="num" data-label="Waktu">
                    {formatInstantWib(new Date(b.createdAt))}
                  </td>
                  <td data-label="Jenis">{KIND_LABELS[b.kind as "training"]}</td>
                  <td data-label="Berkas">{b.fileName}</td>
                  <td data-label="Oleh">{b.createdByLabel}</td>
                  <td className="num" data-label="Baru">
                    {b.inserted}
                  </td>
                  <td className="num" data-label="Diperbarui">
                    {b.updated}
                  </td>
                  <td className="num" data-label="Kesalahan">
                    {b.errors}
                  </td>
                  <td data-label="Status">
                    {b.undoneAt ? (
                      <span className="badge off">dibatalkan</span>
                    ) : (
                      <span className="badge">tersimpan</span>
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
