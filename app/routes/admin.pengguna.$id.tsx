import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { notFound } from "~/.server/errors";
import { submitForm } from "~/.server/forms";
import { requirePermission } from "~/.server/session";
import { staffWithoutAccount } from "~/.server/staff";
import {
  getUser,
  passwordResetInput,
  resetPassword,
  setUserDisabled,
  updateUser,
  userUpdateInput,
} from "~/.server/users";
import { FormError, Notice, TextField } from "~/components/field";
import { RoleCheckboxes } from "~/components/role-checkboxes";
import { EmailField, NewPasswordFields, StaffLinkField } from "~/components/user-fields";

export const meta: MetaFunction = () => [{ title: "Ubah pengguna — Mutu" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { env, user: me } = await requirePermission(request, context, "manage:user");
  const user = await getUser(env.db, Number(params.id));
  if (!user) notFound("Akun ini tidak ditemukan.");
  const free = await staffWithoutAccount(env.db);
  const linkable = user.staffId
    ? [{ id: user.staffId, fullName: user.staffName ?? "", teamName: "akun ini" }, ...free]
    : free;
  return { user, staff: linkable, isSelf: me.id === user.id };
}

const toggleInput = z.object({ disabled: z.enum(["1", "0"]).transform((v) => v === "1") });

const DONE = {
  update: "Perubahan akun tersimpan.",
  toggle: "Status akun diperbarui.",
  reset: "Kata sandi diatur ulang. Pengguna keluar dari semua sesi dan harus mengganti kata sandi saat masuk.",
} as const;

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { env, actor } = await requirePermission(request, context, "manage:user");
  const id = Number(params.id);
  const form = await request.formData();
  const intent = form.get("intent");
  const result =
    intent === "toggle"
      ? await submitForm(toggleInput, form, ({ disabled }) => setUserDisabled(env.db, actor, id, disabled))
      : intent === "reset"
        ? await submitForm(passwordResetInput, form, ({ password }) => resetPassword(env.db, actor, id, password))
        : await submitForm(userUpdateInput, form, (input) => updateUser(env.db, actor, id, input));
  const which = intent === "toggle" || intent === "reset" ? intent : "update";
  if (!result.ok) return data({ ...result, intent: which }, { status: result.status });
  // `at` tells one success from the next, so the password form is emptied after each reset.
  return { ok: true as const, intent: which, message: DONE[which], at: Date.now() };
}

export default function EditUser() {
  const { user, staff, isSelf } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const failed = outcome && !outcome.ok ? outcome : undefined;
  const errorsFor = (intent: string) => (failed?.intent === intent ? failed.errors : {});
  const updateErrors = errorsFor("update");
  const doneFor = (intent: string) => (outcome?.ok && outcome.intent === intent ? outcome.message : null);
  const values = failed?.intent === "update" ? failed.values : undefined;
  return (
    <div className="page page-narrow">
      <p>
        <Link to="/admin/pengguna">← Pengguna</Link>
      </p>
      <h1>
        {user.username} {user.disabledAt && <span className="badge danger">Nonaktif</span>}
      </h1>

      <h2>Data dan peran</h2>
      <Form method="post" className="stack card" noValidate key={`update-${user.version}`}>
        <input type="hidden" name="intent" value="update" />
        <input type="hidden" name="version" value={user.version} />
        <TextField
          name="displayName"
          label="Nama tampilan"
          defaultValue={values?.displayName ?? user.displayName}
          error={updateErrors.displayName}
          required
        />
        <StaffLinkField
          options={staff}
          value={values?.staffId ?? String(user.staffId ?? "")}
          error={updateErrors.staffId}
        />
        <EmailField value={values?.email ?? user.email ?? ""} error={updateErrors.email} />
        <RoleCheckboxes selected={values?.["roles[]"]?.split("\n") ?? user.roles} error={updateErrors["roles[]"]} />
        <FormError message={updateErrors._form} errors={updateErrors} />
        <Notice>{doneFor("update")}</Notice>
        <div>
          <button type="submit">Simpan perubahan</button>
        </div>
      </Form>

      <h2>Atur ulang kata sandi</h2>
      <Form
        method="post"
        className="stack card"
        noValidate
        key={outcome?.ok && outcome.intent === "reset" ? outcome.at : 0}
      >
        <input type="hidden" name="intent" value="reset" />
        <p className="muted">
          Pengguna langsung keluar dari semua sesinya dan harus memilih kata sandi baru saat masuk berikutnya.
        </p>
        <NewPasswordFields errors={errorsFor("reset")} />
        <FormError message={errorsFor("reset")._form} errors={errorsFor("reset")} />
        <Notice>{doneFor("reset")}</Notice>
        <div>
          <button type="submit" className="secondary">
            Atur ulang kata sandi
          </button>
        </div>
      </Form>

      <h2>Status akun</h2>
      <Form method="post" className="card">
        <input type="hidden" name="intent" value="toggle" />
        <FormError message={errorsFor("toggle")._form} />
        <Notice>{doneFor("toggle")}</Notice>
        {user.disabledAt ? (
          <>
            <p>Akun ini nonaktif: pemiliknya tidak dapat masuk.</p>
            <button type="submit" name="disabled" value="0">
              Aktifkan kembali
            </button>
          </>
        ) : (
          <>
            <p>Menonaktifkan akun langsung mengakhiri semua sesinya. Datanya tetap tersimpan.</p>
            <button type="submit" name="disabled" value="1" className="danger" disabled={isSelf}>
              Nonaktifkan akun
            </button>
            {isSelf && <p className="muted">Anda tidak dapat menonaktifkan akun Anda sendiri.</p>}
          </>
        )}
      </Form>
    </div>
  );
}
