import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { submitForm } from "~/.server/forms";
import { mailPreferencesInput, mailPreferencesPage, saveMailPreferences } from "~/.server/mail/preferences";
import { requirePermission } from "~/.server/session";
import { FormError, Notice, TextField } from "~/components/field";

export const meta: MetaFunction = () => [{ title: "Surel — Mutu" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { env, user } = await requirePermission(request, context, "update:profile");
  return mailPreferencesPage(env.db, user.id);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { env, actor, user } = await requirePermission(request, context, "update:profile");
  const result = await submitForm(mailPreferencesInput, await request.formData(), (input) =>
    saveMailPreferences(env.db, { ...actor, id: user.id }, input),
  );
  if (!result.ok) return data(result, { status: result.status });
  return { ok: true as const, at: Date.now() };
}

export default function MailPreferences() {
  const page = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const failed = outcome && !outcome.ok ? outcome : undefined;
  const errors = failed?.errors ?? {};
  return (
    <div className="page page-narrow">
      <p>
        <Link to="/profil">← Profil</Link>
      </p>
      <h1>Surel</h1>
      {!page.mailConfigured && (
        <div className="alert alert-info" role="status">
          Pengiriman surel belum diaktifkan di server Mutu ini. Pilihan Anda disimpan dan berlaku setelah administrator
          mengaktifkannya.
        </div>
      )}
      <Form method="post" className="stack card" noValidate key={outcome?.ok ? outcome.at : 0}>
        <TextField
          name="email"
          label="Alamat surel"
          type="email"
          autoComplete="email"
          defaultValue={failed?.values.email ?? page.email}
          error={errors.email}
          hint={
            page.email
              ? "Kosongkan bila Anda tidak ingin menerima surel dari Mutu."
              : "Belum diisi: Mutu tidak mengirim surel kepada Anda."
          }
        />
        {page.kinds.length > 0 ? (
          <fieldset className="stack">
            <legend>Kirimi saya surel bila</legend>
            <div className="checks stacked">
              {page.kinds.map((k) => (
                <label key={k.kind}>
                  <input type="checkbox" name="on[]" value={k.kind} defaultChecked={k.on} /> {k.label}
                </label>
              ))}
            </div>
          </fieldset>
        ) : (
          <p className="muted">Peran Anda tidak menerima pemberitahuan surel.</p>
        )}
        <fieldset className="stack">
          <legend>Cara pengiriman</legend>
          <div className="checks stacked">
            <label>
              <input type="radio" name="mode" value="single" defaultChecked={!page.digest} /> Satu surel per kejadian
            </label>
            <label>
              <input type="radio" name="mode" value="digest" defaultChecked={page.digest} /> Ringkasan harian (satu
              surel setiap pukul 07.00 WIB)
            </label>
          </div>
        </fieldset>
        <p className="hint muted">
          Surel berisi tautan ke halaman Mutu, tanpa nilai: hasil penilaian hanya dapat dibaca setelah masuk.
        </p>
        <FormError message={errors._form} errors={errors} />
        <Notice>{outcome?.ok ? "Pengaturan surel tersimpan." : null}</Notice>
        <div>
          <button type="submit">Simpan pengaturan surel</button>
        </div>
      </Form>
    </div>
  );
}
