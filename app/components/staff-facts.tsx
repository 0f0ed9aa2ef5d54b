import { formatDay } from "../../analytics/dates";
import { formatNip } from "../../analytics/nip";
import { pangkatLabel, positionLabel } from "../../analytics/organization";

type Person = {
  nip: string;
  golongan: string;
  position: string;
  teamName: string;
  groupName: string | null;
  hireDate: string | null;
  birth: { place: string; date: string } | null;
};

/** The civil-service facts of a person, as `<dt>`/`<dd>` pairs for a `dl.facts`. */
export function StaffFacts({ person }: { person: Person }) {
  return (
    <>
      <dt>NIP</dt>
      <dd className="num">{formatNip(person.nip)}</dd>
      <dt>Tim Kerja</dt>
      <dd>{person.teamName}</dd>
      <dt>Regu</dt>
      <dd>{person.groupName ?? "—"}</dd>
      <dt>Jabatan</dt>
      <dd>{positionLabel(person.position)}</dd>
      <dt>Pangkat/golongan</dt>
      <dd>{pangkatLabel(person.golongan)}</dd>
      {person.birth && (
        <>
          <dt>Tempat, tanggal lahir</dt>
          <dd>
            {person.birth.place}, {formatDay(person.birth.date)}
          </dd>
        </>
      )}
      <dt>Mulai bertugas</dt>
      <dd>{person.hireDate ? formatDay(person.hireDate) : "—"}</dd>
    </>
  );
}
