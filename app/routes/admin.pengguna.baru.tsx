import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { submitForm } from "~/.server/forms";
import { requirePermission } from "~/.server/session";
import { staffWithoutAccount } from "~/.server/staff";
import { createUser, userCreateInput } from "~/.server/users";
import { FormError, TextField } from "~/components/field";
import { RoleCheckboxes } from "~/components/role-checkboxes";
import { EmailField, NewPasswordFields, StaffLinkField } from "~/components/user-fields";

export const meta: MetaFunction = () => [{ title: "Tambah pengguna — Mutu" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { env } = await requirePermission(request, context, "manage:user");
  const preselected = new URL(request.url).searchParams.get("staf") ?? "";
  return { staff: await staffWithoutAccount(env.db), preselected };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { env, actor } = await requirePermission(request, context, "manage:user");
  const result = await submitForm(userCreateInput, await request.formData(), (input) =>
    createUser(env.db, actor, input),
  );
  if (!result.ok) return data(result, { status: result.status });
  throw redirect("/admin/pengguna?dibuat=1");
}

export default function NewUser() {
  const { staff, preselected } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const values = failed?.values ?? {};
  const errors = failed?.errors ?? {};
  return (
    <div className="page page-narrow">
      <p>
        <Link to="/admin/pengguna">← Pengguna</Link>
      </p>
      <h1>Tambah pengguna</h1>
      <Form method="post" className="stack" noValidate>
        <TextField
          name="username"
          label="Nama pengguna"
          autoCapitalize="none"
          spellCheck={false}
          autoComplete="off"
          defaultValue={values.username}
          error={errors.username}
          hint="Huruf kecil, angka, titik, garis bawah atau tanda hubung; misalnya siti.rahma."
          required
        />
        <StaffLinkField options={staff} value={values.staffId ?? preselected} error={errors.staffId} />
        <TextField
          name="displayName"
          label="Nama tampilan"
          defaultValue={values.displayName}
          error={errors.displayName}
          hint="Boleh dikosongkan bila akun dihubungkan dengan staf: nama staf dipakai."
        />
        <EmailField value={values.email} error={errors.email} />
        <RoleCheckboxes selected={values["roles[]"]?.split("\n") ?? []} error={errors["roles[]"]} />
        <NewPasswordFields errors={errors} initial />
        <p className="hint muted">Berikan kata sandi awal kepada pengguna secara langsung, bukan melalui surel.</p>
        <FormError message={errors._form} errors={errors} />
        <div className="actions">
          <button type="submit">Simpan pengguna</button>
        </div>
      </Form>
    </div>
  );
}
