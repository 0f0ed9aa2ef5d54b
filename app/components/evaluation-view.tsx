import { formatInstantWib } from "../../analytics/dates";
import { CHANNELS, channelShortName } from "../../analytics/organization";
import { periodFromId } from "../../analytics/period";
import { type ItemSection, itemScore, SECTION_LABELS, STATE_LABELS } from "../../analytics/scoring";
import { formatScore } from "../score-fields";
import { CriticalBadge } from "./critical-badge";

export function StateBadge({ state }: { state: string }) {
  return <span className={`state state-${state}`}>{STATE_LABELS[state] ?? state}</span>;
}

export const channelLabel = (code: string | null) => CHANNELS.find((c) => c.code === code)?.label ?? code ?? "—";
export const channelShort = (code: string | null) => (code ? channelShortName(code) : "—");

type Item = {
  id: number;
  code: string;
  text: string;
  section: ItemSection;
  scale: "1-5" | "ya_tidak";
  critical: boolean;
  weight: number;
};

function valueText(item: Item, value: number | null | undefined) {
  if (value === undefined) return "—";
  if (value === null) return "N/A";
  return item.scale === "ya_tidak" ? (value === 1 ? "Ya" : "Tidak") : String(value);
}

/** The item scores of an evaluation, section by section, as a table a user can check by hand. */
export function ScoresTable({
  items,
  sections,
  scores,
  sectionScores,
}: {
  items: Item[];
  sections: readonly ItemSection[];
  scores: Record<number, { value: number | null; comment: string }>;
  sectionScores: Partial<Record<ItemSection, number | null>>;
}) {
  return (
    <div className="table-wrap">
      <table className="scores-table stack-table">
        <caption className="visually-hidden">Nilai per butir</caption>
        <thead>
          <tr>
            <th scope="col">Butir</th>
            <th scope="col" className="num">
              Bobot
            </th>
            <th scope="col" className="num">
              Nilai
            </th>
            <th scope="col" className="num">
              Skor (0–100)
            </th>
            <th scope="col">Catatan</th>
          </tr>
        </thead>
        {sections.map((section) => (
          <tbody key={section}>
            <tr className="group">
              <th scope="rowgroup" colSpan={3}>
                {SECTION_LABELS[section]}
              </th>
              <th className="num">{formatScore(sectionScores[section])}</th>
              <th />
            </tr>
            {items
              .filter((i) => i.section === section)
              .map((item) => {
                const s = scores[item.id];
                const value = s?.value;
                return (
                  <tr key={item.id}>
                    <td data-label="Butir" className="card-title">
                      <strong>{item.code}</strong> {item.text}
                      {item.critical && <CriticalBadge />}
                    </td>
                    <td data-label="Bobot" className="num">
                      {item.critical ? "—" : item.weight}
                    </td>
                    <td data-label="Nilai" className="num">
                      {valueText(item, value)}
                    </td>
                    <td data-label="Skor (0–100)" className="num">
                      {value === null || value === undefined || item.critical
                        ? "—"
                        : formatScore(itemScore(item.scale, value))}
                    </td>
                    <td data-label="Catatan" className="quote-cell">
                      {s?.comment || <span className="muted">—</span>}
                    </td>
                  </tr>
                );
              })}
          </tbody>
        ))}
      </table>
    </div>
  );
}

export function EvaluationFacts({
  e,
}: {
  e: {
    kind: string;
    agentName: string;
    assessorName: string;
    periodId: string;
    channel: string | null;
    interactionRef: string | null;
    interactionAt: Date | string | null;
    submittedAt: Date | string | null;
    version: { templateName: string; version: number };
    cphActual: number | null;
    cphTarget: number | null;
    cphScore: number | null;
    cphSourceNote: string | null;
    cphImported: number | null;
    cphOverrideReason: string | null;
  };
}) {
  return (
    <dl className="facts">
      <dt>Petugas</dt>
      <dd>{e.agentName}</dd>
      <dt>Penilai</dt>
      <dd>{e.assessorName}</dd>
      <dt>Periode</dt>
      <dd>{periodFromId(e.periodId).label}</dd>
      {e.kind === "interaction" && (
        <>
          <dt>Saluran</dt>
          <dd>{channelLabel(e.channel)}</dd>
          <dt>Rujukan</dt>
          <dd>{e.interactionRef}</dd>
          <dt>Waktu interaksi</dt>
          <dd>{e.interactionAt ? formatInstantWib(new Date(e.interactionAt)) : "—"}</dd>
        </>
      )}
      {e.kind === "period_review" && (
        <>
          <dt>CPH</dt>
          <dd>
            {e.cphActual === null ? (
              "tidak berlaku atau belum diisi"
            ) : (
              <>
                {formatScore(e.cphActual, 1)} panggilan per jam login · target {formatScore(e.cphTarget, 1)} (
                {channelLabel(e.channel).split(" ")[0]}) · skor <strong>{formatScore(e.cphScore)}</strong>
                {e.cphSourceNote && <div className="muted small">Sumber: {e.cphSourceNote}</div>}
                {e.cphOverrideReason && (
                  <div className="muted small">
                    Mengganti CPH hasil impor {formatScore(e.cphImported, 1)}. Alasan: {e.cphOverrideReason}
                  </div>
                )}
              </>
            )}
          </dd>
        </>
      )}
      <dt>Template</dt>
      <dd>
        {e.version.templateName}, versi {e.version.version}
      </dd>
      <dt>Dikirim</dt>
      <dd>{e.submittedAt ? formatInstantWib(new Date(e.submittedAt)) : "belum"}</dd>
    </dl>
  );
}
