import { Link } from "@remix-run/react";
import { formatDay, weekdayName } from "../../analytics/dates";
import { channelShortName } from "../../analytics/organization";
import { ConfirmAction } from "./confirm-action";

type Person = {
  id: number;
  fullName: string;
  teamName: string;
  canEdit: boolean;
  shifts: {
    id: number;
    day: string;
    start: string;
    end: string;
    crossesMidnight: boolean;
    channel: string;
    /** KETUJUH: the person held no certificate for their position that day. */
    uncertified: boolean;
  }[];
};

/**
 * One person's week on the roster grid (a team heading row first when the team changes), with each shift's forms.
 * On a phone the row is a card of the person's seven days (the stack-table pattern); a day without a shift says
 * "Libur".
 */
export function RosterRow({
  person,
  days,
  here,
  teamHeading,
}: {
  person: Person;
  days: string[];
  here: string;
  teamHeading: boolean;
}) {
  return (
    <>
      {teamHeading && (
        <tr className="group">
          <th colSpan={days.length + 1} scope="colgroup">
            {person.teamName}
          </th>
        </tr>
      )}
      <tr>
        <th scope="row">{person.fullName}</th>
        {days.map((day, i) => (
          <td key={day} data-label={`${weekdayName(i + 1)}, ${formatDay(day)}`}>
            {/* A day without a shift is a day off once the person's week is rostered; a week with no shift at all
                is not rostered yet, which "Libur" would misstate. */}
            {!person.shifts.some((s) => s.day === day) && (
              <span className="muted">{person.shifts.length > 0 ? "Libur" : "—"}</span>
            )}
            {person.shifts
              .filter((s) => s.day === day)
              .map((s) => (
                <div className="shift" key={s.id}>
                  <span>
                    {s.start}–{s.end}
                    {s.crossesMidnight ? " (+1)" : ""} · {channelShortName(s.channel)}
                  </span>
                  {s.uncertified && (
                    <span className="badge warn" title="Belum memegang Sertifikat Keahlian yang berlaku (KETUJUH)">
                      tanpa sertifikat
                    </span>
                  )}
                  {person.canEdit && (
                    <span className="shift-actions">
                      <Link
                        to={`${here}&ubah=${s.id}#form-sif`}
                        aria-label={`Ubah sif ${person.fullName} ${formatDay(day)} ${s.start}`}
                      >
                        Ubah
                      </Link>
                      <ConfirmAction
                        label="Hapus"
                        look="link"
                        accessibleLabel={`Hapus sif ${person.fullName} ${formatDay(day)} ${s.start}`}
                        confirmLabel="Ya, hapus sif"
                        consequence={`Sif ${person.fullName} ${formatDay(day)} ${s.start}–${s.end} dihapus dari jadwal.`}
                        action={here}
                        fields={{ intent: "delete", id: s.id }}
                      />
                    </span>
                  )}
                </div>
              ))}
          </td>
        ))}
      </tr>
    </>
  );
}
