import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { submitForm } from "~/.server/forms";
import { createReport, reportInput } from "~/.server/reports";
import { requirePermission } from "~/.server/session";
import { FormError, SelectField, TextAreaField, TextField } from "~/components/field";
import { wibDay } from "../../analytics/dates";
import { REPORT_KINDS } from "../../analytics/organization";

export const meta: MetaFunction = () => [{ title: "Tulis laporan — Mutu" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "create:report");
  return { today: wibDay(new Date()) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { env, actor, user } = await requirePermission(request, context, "create:report");
  const result = await submitForm(reportInput, await request.formData(), (input) =>
    createReport(env.db, { ...actor, id: user.id }, input),
  );
  if (!result.ok) return data(result, { status: result.status });
  throw redirect(`/laporan/${result.value.id}?baru=1`);
}

export default function NewReport() {
  const { today } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const errors = failed && !failed.ok ? failed.errors : {};
  const value = (name: string) => (failed && !failed.ok ? failed.values[name] : undefined);
  return (
    <div className="page page-narrow">
      <p>
        <Link to="/laporan">← Laporan tim</Link>
      </p>
      <h1>Tulis laporan</h1>
      <p className="lead">
        Simpulan didukung ketentuan yang relevan (KEP-165/BC/2014 butir 3.1.2). Periode laporan mengikuti tanggalnya
        (26–25).
      </p>
      <Form method="post" className="stack card" noValidate>
        <SelectField
          name="kind"
          label="Jenis laporan"
          placeholder="— Pilih jenis —"
          options={REPORT_KINDS.map((k) => ({ value: k.code, label: k.label }))}
          defaultValue={value("kind")}
          error={errors.kind}
        />
        <TextField
          name="reportDate"
          label="Tanggal laporan"
          type="date"
          defaultValue={value("reportDate") ?? today}
          error={errors.reportDate}
        />
        <TextField
          name="problemAroseOn"
          label="Tanggal masalah mulai terjadi"
          type="date"
          max={today}
          defaultValue={value("problemAroseOn")}
          error={errors.problemAroseOn}
          hint="Permasalahan dilaporkan segera (butir 3.1.1 dan 3.2.1): selisih hari sampai tanggal laporan ditampilkan di halaman KPI."
        />
        <TextField name="title" label="Judul" defaultValue={value("title")} error={errors.title} maxLength={200} />
        <TextAreaField
          name="problem"
          label="Permasalahan"
          rows={4}
          defaultValue={value("problem")}
          error={errors.problem}
        />
        <TextAreaField
          name="regulation"
          label="Ketentuan terkait"
          rows={2}
          defaultValue={value("regulation")}
          error={errors.regulation}
          hint="Misalnya: KEP-165/BC/2014 Lampiran I butir 2.3.1."
        />
        <TextAreaField
          name="analysis"
          label="Analisis"
          rows={6}
          defaultValue={value("analysis")}
          error={errors.analysis}
        />
        <TextAreaField
          name="conclusion"
          label="Simpulan dan rekomendasi"
          rows={4}
          defaultValue={value("conclusion")}
          error={errors.conclusion}
        />
        <FormError message={errors._form} errors={errors} />
        <div>
          <button type="submit">Simpan laporan</button>
        </div>
      </Form>
    </div>
  );
}
