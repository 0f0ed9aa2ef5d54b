import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { submitForm } from "~/.server/forms";
import { requirePermission } from "~/.server/session";
import { courseInput, listCourses, saveCourse } from "~/.server/training";
import { CATEGORY_LABELS, CourseForm } from "~/components/course-form";
import { ExportLinks } from "~/components/export-links";
import { Notice } from "~/components/field";
import { formatScore } from "~/score-fields";

export const meta: MetaFunction = () => [{ title: "Katalog pelatihan — Mutu" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { env } = await requirePermission(request, context, "manage:training");
  return { courses: await listCourses(env.db) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { env, actor } = await requirePermission(request, context, "manage:training");
  const result = await submitForm(courseInput, await request.formData(), (input) => saveCourse(env.db, actor, input));
  if (!result.ok) return data(result, { status: result.status });
  throw redirect("/pelatihan?disimpan=1");
}

export default function Courses() {
  const { courses } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <div className="page">
      <h1>Katalog pelatihan</h1>
      <p className="lead">
        Sertifikat Keahlian mensyaratkan diklat teknis layanan informasi dan pelatihan soft skills komunikasi (E.4).
        Kode di sini dipakai kolom <code>kode_pelatihan</code> pada berkas impor.
      </p>
      <Notice>{params.get("disimpan") ? "Pelatihan tersimpan." : null}</Notice>
      <div className="table-wrap">
        <table className="stack-table">
          <caption className="visually-hidden">Katalog pelatihan</caption>
          <thead>
            <tr>
              <th scope="col">Kode</th>
              <th scope="col">Nama</th>
              <th scope="col">Kategori</th>
              <th scope="col" className="num">
                JP
              </th>
              <th scope="col" className="num">
                Masa berlaku
              </th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {courses.map((c) => (
              <tr key={c.id}>
                <td data-label="Kode" className="card-title">
                  <Link to={`/pelatihan/${c.id}`}>{c.code}</Link>
                </td>
                <td data-label="Nama">{c.name}</td>
                <td data-label="Kategori">{CATEGORY_LABELS[c.category] ?? c.category}</td>
                <td className="num" data-label="JP">
                  {formatScore(c.hours, 1)}
                </td>
                <td className="num" data-label="Masa berlaku">
                  {c.validityMonths ? `${c.validityMonths} bulan` : "tidak kedaluwarsa"}
                </td>
                <td data-label="Status">
                  {c.active ? <span className="badge">Aktif</span> : <span className="badge off">Nonaktif</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Catatan pelatihan</h2>
      <p className="muted">
        Catatan pelatihan seluruh staf, satu baris per orang per pelatihan yang diikuti.{" "}
        <Link to="/pelatihan/catatan">Lihat, tambah atau perbaiki catatan satu per satu</Link>.
      </p>
      <ExportLinks list="pelatihan" params={new URLSearchParams()} what="semua catatan pelatihan" />
      <h2>Tambah pelatihan</h2>
      <div className="card">
        <CourseForm
          values={failed?.values ?? { active: "on" }}
          errors={failed?.errors ?? {}}
          submitLabel="Tambah pelatihan"
        />
      </div>
    </div>
  );
}
