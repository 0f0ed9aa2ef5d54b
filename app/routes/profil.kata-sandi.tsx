import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { submitForm } from "~/.server/forms";
import { requirePermission } from "~/.server/session";
import { changeOwnPassword, passwordChangeInput } from "~/.server/users";
import { FormError, TextField } from "~/components/field";
import { NewPasswordFields } from "~/components/user-fields";

export const meta: MetaFunction = () => [{ title: "Ganti kata sandi — Mutu" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, context, "update:profile");
  return { mustChange: user.mustChangePassword };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { env, actor, user, sessionId } = await requirePermission(request, context, "update:profile");
  const result = await submitForm(passwordChangeInput, await request.formData(), (input) =>
    changeOwnPassword(env.db, { ...actor, id: user.id }, sessionId, input),
  );
  if (!result.ok) return data(result, { status: result.status });
  throw redirect("/profil?sandi=1");
}

export default function ChangePassword() {
  const { mustChange } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const errors = failed?.errors ?? {};
  return (
    <div className="page page-narrow">
      <h1>Ganti kata sandi</h1>
      {mustChange && (
        <div className="alert alert-info" role="status">
          Kata sandi Anda diatur oleh administrator. Pilih kata sandi baru yang hanya Anda ketahui sebelum melanjutkan.
        </div>
      )}
      <Form method="post" className="stack card" noValidate>
        <TextField
          name="currentPassword"
          label="Kata sandi saat ini"
          type="password"
          autoComplete="current-password"
          error={errors.currentPassword}
          required
        />
        <NewPasswordFields errors={errors} />
        <FormError message={errors._form} errors={errors} />
        <div>
          <button type="submit">Simpan kata sandi baru</button>
        </div>
      </Form>
    </div>
  );
}
