import { Form, Link } from "@remix-run/react";
import { SEARCH_MAX_LENGTH } from "../list-params";
import type { Scope } from "../permissions";
import { SelectField, TextField } from "./field";

type Option = { value: string | number; label: string };

/**
 * The filters of the evaluation list, sent as a POST: the search text is kept with the session (never in the
 * address, since it may be a NIP), the rest comes back in the address of the list (decision 016).
 */
export function EvaluationFilters({
  scope,
  filter,
  search,
  error,
  periods,
  states,
  agents,
  canCreate,
}: {
  scope: Scope;
  filter: { periodId: string; state: string; mine: boolean; agentId: number | string };
  search: string;
  error?: string;
  periods: Option[];
  states: Option[];
  agents: Option[];
  canCreate: boolean;
}) {
  return (
    <Form method="post" className="filters" role="search" aria-label="Saring evaluasi">
      <TextField
        key={search}
        name="q"
        type="search"
        label={scope === "own" ? "Cari rujukan interaksi" : "Cari rujukan, petugas, NIP atau #nomor"}
        defaultValue={search}
        maxLength={SEARCH_MAX_LENGTH}
        autoComplete="off"
        error={error}
      />
      <SelectField
        name="periode"
        label="Periode"
        defaultValue={filter.periodId}
        options={[{ value: "semua", label: "Semua periode" }, ...periods]}
      />
      <SelectField
        name="status"
        label="Status"
        placeholder="Semua status"
        defaultValue={filter.state}
        options={states}
      />
      {scope !== "own" && (
        <SelectField
          name="petugas"
          label="Petugas"
          placeholder="Semua petugas"
          defaultValue={filter.agentId}
          options={agents}
        />
      )}
      {canCreate && (
        <label className="checks">
          <input type="checkbox" name="milik" value="saya" defaultChecked={filter.mine} /> Hanya yang saya nilai
        </label>
      )}
      <div className="actions">
        <button type="submit" name="intent" value="cari">
          Tampilkan
        </button>
        {search && (
          <button type="submit" name="intent" value="hapus" className="secondary">
            Hapus pencarian
          </button>
        )}
        {canCreate && (
          <>
            <Link to="/evaluasi/baru" className="button secondary">
              Evaluasi interaksi baru
            </Link>
            <Link to="/evaluasi/periode" className="button secondary">
              Penilaian periode
            </Link>
          </>
        )}
      </div>
    </Form>
  );
}
