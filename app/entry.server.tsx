import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleDataRequestFunction, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { logError, redact } from "./.server/log";
import { retryAfterOf } from "./.server/rate-limit";
import { NonceProvider } from "./components/nonce";

export const streamTimeout = 5_000;

// Pages are rendered whole before they are sent: they are small, and a complete document is what a browser
// without JavaScript (and a screen reader) needs.
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // Set by the HTTP server together with the Content-Security-Policy header that names it (server.ts).
  const nonce = loadContext.cspNonce;
  return new Promise<Response>((resolve, reject) => {
    let failed = false;
    const page = (
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </NonceProvider>
    );
    const { pipe, abort } = renderToPipeableStream(page, {
      nonce,
      onAllReady() {
        const body = new PassThrough();
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        // Pages carry personal data and scores: never kept by browsers or proxies.
        responseHeaders.set("Cache-Control", "no-store");
        withRetryAfter(responseHeaders, loadContext);
        resolve(
          new Response(createReadableStreamFromReadable(body), {
            headers: responseHeaders,
            status: failed ? 500 : responseStatusCode,
          }),
        );
        pipe(body);
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        failed = true;
        logError("render", error);
      },
    });
    setTimeout(abort, streamTimeout + 1000);
  });
}

export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return; // the browser went away (or the body was refused: http-edge.ts)
  if (isRouteErrorResponse(error) && error.status < 500) return; // a refusal with its message, not a fault
  // The path only (never the query string), and redacted: ids are in paths, but never a NIP.
  logError(`${request.method} ${redact(new URL(request.url).pathname)}`, error);
};

/** A write refused by the rate limit says when to try again (rate-limit.ts). */
function withRetryAfter(headers: Headers, context: AppLoadContext) {
  const seconds = retryAfterOf(context);
  if (seconds !== undefined) headers.set("Retry-After", String(seconds));
}

// Single-fetch (.data) responses: what a form submitted with JavaScript gets.
export const handleDataRequest: HandleDataRequestFunction = (response, { context }) => {
  withRetryAfter(response.headers, context);
  return response;
};
