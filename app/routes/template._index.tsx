import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/.server/session";
import { createTemplateForm } from "~/.server/template-forms";
import { templatesPage } from "~/.server/templates";
import { FormError, SelectField, TextField } from "~/components/field";
import { formatInstantWib } from "../../analytics/dates";

export const meta: MetaFunction = () => [{ title: "Template penilaian — Mutu" }];

const STATUS = { draft: "Draf", published: "Terbit (berlaku)", retired: "Diganti" } as Record<string, string>;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { access, env } = await requirePermission(request, context, "read:template");
  return templatesPage(env.db, access.roles);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, env, actor } = await requirePermission(request, context, "manage:template");
  const result = await createTemplateForm(env.db, { ...actor, id: user.id }, await request.formData());
  if (!result.ok) return data(result, { status: result.status });
  throw redirect(`/template/${result.value}`);
}

export default function Templates() {
  const { templates, teams, canManage } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <div className="page">
      <h1>Template penilaian</h1>
      <p className="lead">
        Satu template per tim. Versi yang terbit tidak pernah berubah; evaluasi menyimpan versi yang dipakainya.
      </p>
      {templates.map((t) => (
        <section key={t.id} className="card" aria-labelledby={`t-${t.id}`}>
          <h2 id={`t-${t.id}`}>{t.name}</h2>
          <p className="muted">{t.teamName}</p>
          <table className="stack-table">
            <caption className="visually-hidden">Versi {t.name}</caption>
            <thead>
              <tr>
                <th scope="col">Versi</th>
                <th scope="col">Status</th>
                <th scope="col">Bobot H / S / K / CPH</th>
                <th scope="col">Terbit</th>
              </tr>
            </thead>
            <tbody>
              {t.versions.map((v) => (
                <tr key={v.versionId}>
                  <td data-label="Versi" className="card-title">
                    <Link to={`/template/${v.versionId}`}>Versi {v.version}</Link>
                  </td>
                  <td data-label="Status">{STATUS[v.status] ?? v.status}</td>
                  <td className="num" data-label="Bobot H / S / K / CPH">
                    {v.weights.hardskill} / {v.weights.softskill} / {v.weights.kedisiplinan} / {v.weights.cph}
                  </td>
                  <td data-label="Terbit">{v.publishedAt ? formatInstantWib(new Date(v.publishedAt)) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      {canManage && (
        <section aria-labelledby="baru">
          <h2 id="baru">Template baru</h2>
          <Form method="post" className="stack card" noValidate>
            <TextField
              name="name"
              label="Nama template"
              defaultValue={failed?.values.name}
              error={failed?.errors.name}
            />
            <SelectField
              name="teamId"
              label="Berlaku untuk tim"
              placeholder="— Pilih tim —"
              defaultValue={failed?.values.teamId ?? ""}
              error={failed?.errors.teamId}
              options={teams.map((t) => ({ value: t.id, label: t.name }))}
            />
            <FormError message={failed?.errors._form} errors={failed?.errors} />
            <div>
              <button type="submit">Buat template (draf versi 1)</button>
            </div>
          </Form>
        </section>
      )}
    </div>
  );
}
