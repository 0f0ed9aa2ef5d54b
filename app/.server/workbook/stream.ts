import { PassThrough, type Writable } from "node:stream";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { logError } from "../log";
import { WorkbookAborted } from "./cells";

/**
 * A workbook as a web stream for a download response, written by `write` while the browser reads it. When the
 * request is aborted (the download cancelled), writing stops; a failure midway breaks the download off rather
 * than leaving the user a file that looks complete. `what` names the workbook in the error log.
 */
export function workbookStream(
  what: string,
  write: (output: Writable) => Promise<unknown>,
  signal: AbortSignal,
): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const stop = () => output.destroy();
  if (signal.aborted) stop();
  else signal.addEventListener("abort", stop, { once: true });
  write(output)
    .catch((error) => {
      if (error instanceof WorkbookAborted) return;
      logError(what, error);
      output.destroy(error as Error);
    })
    .finally(() => signal.removeEventListener("abort", stop));
  return createReadableStreamFromReadable(output);
}
