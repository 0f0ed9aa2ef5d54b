import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound } from "~/.server/errors";
import { submitForm } from "~/.server/forms";
import { requirePermission } from "~/.server/session";
import { courseInput, listCourses, saveCourse } from "~/.server/training";
import { CourseForm } from "~/components/course-form";
import { ExportLinks } from "~/components/export-links";

export const meta: MetaFunction = () => [{ title: "Ubah pelatihan — Mutu" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { env } = await requirePermission(request, context, "manage:training");
  const course = (await listCourses(env.db)).find((c) => c.id === Number(params.id));
  if (!course) notFound("Pelatihan ini tidak ditemukan.");
  return { course };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { env, actor } = await requirePermission(request, context, "manage:training");
  const result = await submitForm(courseInput, await request.formData(), (input) =>
    saveCourse(env.db, actor, input, Number(params.id)),
  );
  if (!result.ok) return data(result, { status: result.status });
  throw redirect("/pelatihan?disimpan=1");
}

export default function EditCourse() {
  const { course } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const current = {
    code: course.code,
    name: course.name,
    category: course.category,
    hours: course.hours === null ? "" : String(course.hours).replace(".", ","),
    validityMonths: course.validityMonths === null ? "" : String(course.validityMonths),
    refreshMonths: course.refreshMonths === null ? "" : String(course.refreshMonths),
    active: course.active ? "on" : "",
  };
  return (
    <div className="page page-narrow">
      <p>
        <Link to="/pelatihan">← Katalog pelatihan</Link>
      </p>
      <h1>Ubah pelatihan {course.code}</h1>
      <p className="muted">
        Mengubah masa berlaku berlaku juga untuk catatan pelatihan yang sudah ada saat kelayakan dihitung.
      </p>
      <CourseForm values={failed?.values ?? current} errors={failed?.errors ?? {}} submitLabel="Simpan perubahan" />
      <h2>Catatan pelatihan</h2>
      <p className="muted">Setiap staf yang tercatat mengikuti pelatihan ini.</p>
      <ExportLinks
        list="pelatihan"
        params={new URLSearchParams({ kursus: String(course.id) })}
        what={`catatan pelatihan ${course.code}`}
      />
    </div>
  );
}
