// From the sign-in form to auth.ts.
import { z } from "zod";
import { signInAndStart } from "./auth";
import type { RequestEnv } from "./session";

// A field that is missing (or sent as a file) reads as empty; a name sent twice counts once, as it was first sent.
const text = z.string().catch("");
const signInInput = z.object({ username: text, password: text, redirectTo: text });

/**
 * The sign-in form: the session's Set-Cookie header and where to go, or the message to show with the username
 * as typed (never the password).
 */
export async function signInWithForm(env: RequestEnv, request: Request, form: FormData) {
  const input = signInInput.parse({
    username: form.get("username"),
    password: form.get("password"),
    redirectTo: form.get("redirectTo"),
  });
  if (!input.username.trim() || !input.password) {
    return { ok: false as const, status: 400, message: "Isi nama pengguna dan kata sandi.", username: input.username };
  }
  const result = await signInAndStart(env, request, input);
  return result.ok ? result : { ...result, username: input.username };
}
