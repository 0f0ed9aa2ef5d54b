import { type MouseEvent, type ReactNode, useState } from "react";

type State =
  | { kind: "idle" }
  | { kind: "working"; bytes: number }
  | { kind: "done"; bytes: number; name: string }
  | { kind: "failed"; message: string };

const megabytes = (bytes: number) =>
  `${(bytes / 1_048_576).toLocaleString("id-ID", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB`;

/** The file name the server gave in Content-Disposition, else the last part of the address. */
function fileName(response: Response, href: string): string {
  const header = response.headers.get("content-disposition") ?? "";
  return /filename="([^"]+)"/.exec(header)?.[1] ?? href.split("?")[0]?.split("/").pop() ?? "unduhan";
}

/** What the server said when it refused: its plain-text or `{ message }` answer, else the status. */
async function refusalMessage(response: Response): Promise<string> {
  const type = response.headers.get("content-type") ?? "";
  if (type.startsWith("text/plain")) return response.text();
  const body = type.startsWith("application/json") ? await response.json().catch(() => null) : null;
  return typeof body?.message === "string" ? body.message : `Server menolak permintaan (status ${response.status}).`;
}

/**
 * Fetches `href` here rather than leaving it to the browser, so the page can say how much has arrived while
 * the server is still writing the file (a large workbook takes a while), then hands it to the browser to save.
 */
export function useDownload() {
  const [state, setState] = useState<State>({ kind: "idle" });

  async function start(href: string) {
    if (state.kind === "working") return;
    setState({ kind: "working", bytes: 0 });
    try {
      const response = await fetch(href, { credentials: "same-origin" });
      if (!response.ok || !response.body) {
        throw new Error(await refusalMessage(response));
      }
      const reader = response.body.getReader();
      const chunks: BlobPart[] = [];
      let bytes = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value as Uint8Array<ArrayBuffer>); // a fetch body is never shared memory
        bytes += value.byteLength;
        setState({ kind: "working", bytes });
      }
      const name = fileName(response, href);
      const url = URL.createObjectURL(new Blob(chunks, { type: response.headers.get("content-type") ?? "" }));
      const save = Object.assign(document.createElement("a"), { href: url, download: name });
      document.body.append(save);
      save.click();
      save.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState({ kind: "done", bytes, name });
    } catch (error) {
      const message = error instanceof Error && error.message ? error.message : "Koneksi terputus.";
      setState({ kind: "failed", message });
    }
  }

  return { state, start };
}

/** What the download is doing, where the person clicked (a live region). */
export function DownloadStatus({ state }: { state: State }) {
  return (
    <span role="status" className={state.kind === "failed" ? "download-status error" : "download-status"}>
      {state.kind === "working" &&
        (state.bytes === 0 ? "Menyiapkan berkas…" : `Menyiapkan berkas… ${megabytes(state.bytes)} diterima`)}
      {state.kind === "done" && `Selesai: ${state.name} (${megabytes(state.bytes)}).`}
      {state.kind === "failed" && `Gagal mengunduh: ${state.message} Coba lagi.`}
    </span>
  );
}

/** A download link that says it is working (useDownload). Without JavaScript it is a plain link. */
export function DownloadLink({ href, className, children }: { href: string; className?: string; children: ReactNode }) {
  const { state, start } = useDownload();

  function download(event: MouseEvent<HTMLAnchorElement>) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void start(href);
  }

  return (
    <span className="download">
      <a className={className} href={href} download onClick={download} aria-busy={state.kind === "working"}>
        {children}
      </a>
      <DownloadStatus state={state} />
    </span>
  );
}
