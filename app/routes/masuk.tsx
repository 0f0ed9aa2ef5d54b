import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { safeRedirect } from "~/.server/auth";
import { signInWithForm } from "~/.server/auth-forms";
import { optionalUser, requestEnv } from "~/.server/session";
import { FormError, TextField } from "~/components/field";

export const meta: MetaFunction = () => [{ title: "Masuk — Mutu" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await optionalUser(request, context)) throw redirect("/");
  const url = new URL(request.url);
  return {
    redirectTo: safeRedirect(url.searchParams.get("redirectTo")),
    sessionEnded: url.searchParams.get("sesi") === "berakhir",
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const env = await requestEnv(request, context);
  const result = await signInWithForm(env, request, await request.formData());
  if (!result.ok) return data({ message: result.message, username: result.username }, { status: result.status });
  throw redirect(result.location, { headers: { "Set-Cookie": result.setCookie } });
}

export default function SignIn() {
  const { redirectTo, sessionEnded } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="page login-wrap">
      <div className="card login-card">
        <h1>Masuk ke Mutu</h1>
        <p className="lead">Gunakan nama pengguna dan kata sandi yang diberikan administrator.</p>
        {sessionEnded && !failed && (
          <div className="alert alert-info" role="status">
            Sesi Anda telah berakhir karena tidak aktif atau melewati batas waktu. Silakan masuk lagi.
          </div>
        )}
        <FormError message={failed?.message} />
        <Form method="post" className="stack">
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <TextField
            name="username"
            label="Nama pengguna"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            defaultValue={failed?.username}
            autoFocus
          />
          <TextField name="password" label="Kata sandi" type="password" autoComplete="current-password" required />
          <div>
            <button type="submit" disabled={busy}>
              {busy ? "Memeriksa…" : "Masuk"}
            </button>
          </div>
        </Form>
        <p className="muted small">
          Memeriksa keabsahan Sertifikat Keahlian? <Link to="/verifikasi">Verifikasi sertifikat</Link> tanpa masuk.
        </p>
      </div>
    </div>
  );
}
