import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { signOut } from "~/.server/auth";
import { requestEnv } from "~/.server/session";

// Signing out is a POST (a GET could be triggered by any link or image on another site).
export async function loader() {
  throw redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const setCookie = await signOut(await requestEnv(request, context), request);
  throw redirect("/masuk", { headers: { "Set-Cookie": setCookie } });
}
