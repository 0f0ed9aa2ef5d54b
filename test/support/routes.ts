// Calls a route module's loader or action the way Remix does, with a real Request, and reports what a
// browser would get: the status, the redirect target, the Set-Cookie header and the data.
import type { AppLoadContext } from "@remix-run/node";
import * as importPage from "../../app/routes/impor._index";
import * as signInRoute from "../../app/routes/masuk";
import { unzip } from "./xlsx";

type Handler = (args: { request: Request; params: Record<string, string>; context: AppLoadContext }) => unknown;
export type RouteModule = { loader?: Handler; action?: Handler };

export const BASE_URL = "http://mutu.test";

export type RouteResult = {
  status: number;
  location: string | null;
  setCookie: string | null;
  data: unknown;
  /** Every header the route set (Retry-After, Content-Type, …). */
  headers: Headers;
};

export type CallOptions = {
  method?: "GET" | "POST";
  params?: Record<string, string>;
  form?: Record<string, string | string[]>;
  cookie?: string;
  headers?: Record<string, string>;
  url?: string;
  remoteAddress?: string;
  files?: Record<string, File>;
};

function isDataWithInit(value: unknown): value is { data: unknown; init: ResponseInit | null } {
  return typeof value === "object" && value !== null && (value as { type?: string }).type === "DataWithResponseInit";
}

async function describe(outcome: unknown): Promise<RouteResult> {
  if (outcome instanceof Response) {
    // A workbook is a zip: its sheets' XML is what a reader would see (a NIP in it, say), not its compressed bytes.
    const text = (outcome.headers.get("content-type") ?? "").includes("spreadsheetml")
      ? [...unzip(new Uint8Array(await outcome.arrayBuffer())).values()].join("\n")
      : await outcome.text();
    let data: unknown = text;
    try {
      data = JSON.parse(text);
    } catch {}
    return {
      status: outcome.status,
      location: outcome.headers.get("location"),
      setCookie: outcome.headers.get("set-cookie"),
      data,
      headers: outcome.headers,
    };
  }
  if (isDataWithInit(outcome)) {
    const headers = new Headers(outcome.init?.headers);
    return {
      status: outcome.init?.status ?? 200,
      location: headers.get("location"),
      setCookie: headers.get("set-cookie"),
      data: outcome.data,
      headers,
    };
  }
  return { status: 200, location: null, setCookie: null, data: outcome, headers: new Headers() };
}

export async function callRoute(module: RouteModule, path: string, options: CallOptions = {}): Promise<RouteResult> {
  const method = options.method ?? "GET";
  const handler = method === "GET" ? module.loader : module.action;
  if (!handler) throw new Error(`route ${path} has no ${method === "GET" ? "loader" : "action"}`);
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set("cookie", options.cookie);
  // Multipart, as a browser sends a form with a file; routes reading urlencoded forms read this the same way.
  let body: FormData | undefined;
  if (method === "POST") {
    body = new FormData();
    for (const [key, value] of Object.entries(options.form ?? {})) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    }
    for (const [key, file] of Object.entries(options.files ?? {})) body.append(key, file);
  }
  const request = new Request(options.url ?? `${BASE_URL}${path}`, { method, headers, body });
  const context: AppLoadContext = { remoteAddress: options.remoteAddress ?? "10.0.0.1" };
  try {
    return await describe(await handler({ request, params: options.params ?? {}, context }));
  } catch (thrown) {
    if (thrown instanceof Response || isDataWithInit(thrown)) return describe(thrown);
    throw thrown;
  }
}

/** "mutu_session=…" from a Set-Cookie header, ready to send back as a Cookie header. */
export function cookieFrom(setCookie: string | null): string {
  const pair = setCookie?.split(";")[0];
  if (!pair) throw new Error("no Set-Cookie in the response");
  return pair;
}

export async function signIn(username: string, password: string, options: CallOptions = {}) {
  return callRoute(signInRoute, "/masuk", {
    ...options,
    method: "POST",
    form: { username, password, redirectTo: "/" },
  });
}

/** Signs in and returns the session cookie; throws when sign-in fails. */
export async function sessionCookie(username: string, password: string, options: CallOptions = {}): Promise<string> {
  const result = await signIn(username, password, options);
  if (result.status !== 302) throw new Error(`sign-in as ${username} failed: ${JSON.stringify(result.data)}`);
  return cookieFrom(result.setCookie);
}

/** Sends `file` through the import page's form (kind `training` unless said), as the user's browser does. */
export function uploadThroughPage(cookie: string | undefined, file: File, kind = "training"): Promise<RouteResult> {
  return callRoute(importPage, "/impor", { method: "POST", cookie, form: { kind }, files: { file } });
}
