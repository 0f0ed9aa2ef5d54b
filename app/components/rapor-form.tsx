import type { FormEvent } from "react";
import { DownloadStatus, useDownload } from "./download-link";
import { SelectField } from "./field";

type Choice = { value: string; label: string };

/**
 * "Rapor kinerja saya": the agent picks a range of periods and downloads their own report. Without JavaScript
 * the form asks the browser for the file; with it, the page says how the download goes.
 */
export function RaporForm({ choices, from, to }: { choices: readonly Choice[]; from: string; to: string }) {
  const { state, start } = useDownload();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const query = new URLSearchParams(new FormData(event.currentTarget) as unknown as Record<string, string>);
    void start(`${event.currentTarget.action}?${query}`);
  }

  return (
    <form method="get" action="/unduh/rapor.xlsx" className="filters" onSubmit={submit}>
      <SelectField name="dari" id="rapor-dari" label="Dari periode" options={choices} defaultValue={from} />
      <SelectField name="sampai" id="rapor-sampai" label="Sampai periode" options={choices} defaultValue={to} />
      <span className="download">
        <button type="submit" aria-busy={state.kind === "working"}>
          Unduh rapor (.xlsx)
        </button>
        <DownloadStatus state={state} />
      </span>
    </form>
  );
}
