import { Form, Link } from "@remix-run/react";
import { SelectField } from "./field";
import { ImportHint } from "./import-hint";

type Agent = {
  staffId: number;
  fullName: string;
  teamName: string;
  days: number;
  callsHandled: number;
  loggedInHours: number;
  cph: number | null;
  cphScore: number | null;
  occupancy: number | null;
};

const number = (value: number | null, decimals = 1) =>
  value === null
    ? "—"
    : value.toLocaleString("id-ID", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

/** CPH and occupancy per agent in a period, from the imported call statistics (the CPH the period review uses). */
export function WorkloadSection({
  workload,
  choice,
  canImport,
}: {
  workload: { period: { id: string; label: string }; choices: { value: string; label: string }[]; agents: Agent[] };
  choice: { channel: string; weeks: number; metric: string };
  /** Whether the viewer may import call statistics (else the page says who does). */
  canImport: boolean;
}) {
  const withStats = workload.agents.filter((a) => a.days > 0);
  return (
    <section aria-labelledby="beban">
      <h2 id="beban">CPH dan okupansi per petugas</h2>
      <Form method="get" className="filters">
        <input type="hidden" name="kanal" value={choice.channel} />
        <input type="hidden" name="rentang" value={choice.weeks} />
        <input type="hidden" name="ukuran" value={choice.metric} />
        <SelectField name="periode" label="Periode" defaultValue={workload.period.id} options={workload.choices} />
        <button type="submit">Tampilkan</button>
      </Form>
      {withStats.length === 0 ? (
        <p className="alert alert-info">
          Belum ada statistik panggilan per petugas untuk {workload.period.label}. CPH di sini sama dengan CPH yang
          dipakai penilaian periode. <ImportHint kind="calls" what="statistik panggilan" canImport={canImport} />
        </p>
      ) : (
        <div className="table-wrap">
          <table className="kpi-table compact stack-table">
            <caption>
              {workload.period.label}: CPH = panggilan ditangani ÷ jam login; okupansi = waktu bicara ÷ waktu login.
            </caption>
            <thead>
              <tr>
                <th scope="col">Petugas</th>
                <th scope="col">Tim</th>
                {["Hari", "Panggilan", "Jam login", "CPH", "Skor CPH", "Okupansi (%)"].map((h) => (
                  <th scope="col" className="num" key={h}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {withStats.map((a) => (
                <tr key={a.staffId}>
                  <th scope="row">
                    <Link to={`/staf/${a.staffId}`}>{a.fullName}</Link>
                  </th>
                  <td data-label="Tim">{a.teamName.replace("Tim Kerja ", "")}</td>
                  <td className="num" data-label="Hari">
                    {a.days}
                  </td>
                  <td className="num" data-label="Panggilan">
                    {a.callsHandled.toLocaleString("id-ID")}
                  </td>
                  <td className="num" data-label="Jam login">
                    {number(a.loggedInHours)}
                  </td>
                  <td className="num" data-label="CPH">
                    {number(a.cph, 2)}
                  </td>
                  <td className="num" data-label="Skor CPH">
                    {number(a.cphScore, 2)}
                  </td>
                  <td className="num" data-label="Okupansi (%)">
                    {number(a.occupancy === null ? null : 100 * a.occupancy)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
