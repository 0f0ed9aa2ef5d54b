// The follow-up of a report on its page: status, the Kepala Seksi's answer, who follows it up by when, what was
// done, the history, and the one form the person may use now. Each result is shown here, where they acted.
import { Form } from "@remix-run/react";
import { formatDay, formatInstantWib } from "../../analytics/dates";
import { reportStatusLabel } from "../../analytics/report-follow-up";
import { ConfirmAction } from "./confirm-action";
import { FormError, Notice, SelectField, TextAreaField, TextField } from "./field";

type Report = {
  status: string;
  answer: string | null;
  answeredAt: Date | string | null;
  followUpDue: string | null;
  followUp: string | null;
  followedUpAt: Date | string | null;
  closedAt: Date | string | null;
};

type Failed = { intent: string; errors: Record<string, string | undefined>; values: Record<string, string> };

const when = (at: Date | string | null) => (at ? formatInstantWib(new Date(at)) : "");

export function ReportFollowUp({
  report,
  history,
  assignee,
  answeredBy,
  late,
  assignable,
  today,
  can,
  failed,
  done,
}: {
  report: Report;
  history: { status: string; note: string; at: string; by: string }[];
  assignee: string | null;
  answeredBy: string | null;
  late: boolean;
  assignable: { value: number; label: string }[];
  today: string;
  can: { answer: boolean; followUp: boolean; close: boolean };
  failed?: Failed;
  done: string | null;
}) {
  const errorsOf = (intent: string) => (failed?.intent === intent ? failed.errors : {});
  const typed = (intent: string, name: string) => (failed?.intent === intent ? failed.values[name] : undefined);
  return (
    <section aria-labelledby="tindak-lanjut" className="card">
      <h2 id="tindak-lanjut">
        Tanggapan dan tindak lanjut{" "}
        <span className={report.status === "selesai" ? "badge" : "badge warn"}>{reportStatusLabel(report.status)}</span>
        {late && <span className="badge danger">terlambat</span>}
      </h2>
      <Notice>{done}</Notice>
      <dl className="facts">
        <dt>Tanggapan Kepala Seksi</dt>
        <dd className="prewrap">
          {report.answer ? `${report.answer} (${answeredBy ?? ""}, ${when(report.answeredAt)})` : "Belum ditanggapi."}
        </dd>
        <dt>Penanggung jawab tindak lanjut</dt>
        <dd>{assignee ?? "—"}</dd>
        <dt>Tenggat tindak lanjut</dt>
        <dd>
          {report.followUpDue ? formatDay(report.followUpDue) : "—"}
          {late && <span className="error"> — terlambat</span>}
        </dd>
        <dt>Tindak lanjut</dt>
        <dd className="prewrap">
          {report.followUp ? `${report.followUp} (${when(report.followedUpAt)})` : "Belum ada."}
        </dd>
        {report.closedAt && (
          <>
            <dt>Ditutup</dt>
            <dd>{when(report.closedAt)}</dd>
          </>
        )}
      </dl>

      {can.answer && (
        <Form method="post" className="stack" noValidate>
          <h3>Tanggapi laporan</h3>
          <input type="hidden" name="intent" value="answer" />
          <TextAreaField
            name="answer"
            label="Tanggapan dan arahan"
            rows={4}
            defaultValue={typed("answer", "answer")}
            error={errorsOf("answer").answer}
          />
          <SelectField
            name="assigneeUserId"
            label="Penanggung jawab tindak lanjut"
            placeholder="Pilih…"
            options={assignable}
            defaultValue={typed("answer", "assigneeUserId") ?? ""}
            error={errorsOf("answer").assigneeUserId}
          />
          <TextField
            name="followUpDue"
            label="Tenggat tindak lanjut"
            type="date"
            min={today}
            defaultValue={typed("answer", "followUpDue")}
            error={errorsOf("answer").followUpDue}
          />
          <FormError message={errorsOf("answer")._form} errors={errorsOf("answer")} />
          <div>
            <button type="submit">Simpan tanggapan</button>
          </div>
        </Form>
      )}
      {can.followUp && (
        <Form method="post" className="stack" noValidate>
          <h3>Catat tindak lanjut</h3>
          <input type="hidden" name="intent" value="follow_up" />
          <TextAreaField
            name="followUp"
            label="Yang sudah dilakukan"
            rows={4}
            defaultValue={typed("follow_up", "followUp")}
            error={errorsOf("follow_up").followUp}
          />
          <FormError message={errorsOf("follow_up")._form} errors={errorsOf("follow_up")} />
          <div>
            <button type="submit">Simpan tindak lanjut</button>
          </div>
        </Form>
      )}
      {can.close && (
        <section aria-labelledby="tutup-laporan">
          <h3 id="tutup-laporan">Tutup laporan</h3>
          <ConfirmAction
            label="Tutup laporan"
            confirmLabel="Ya, tutup laporan"
            tone="primary"
            consequence="Laporan berstatus Selesai dan tidak dapat dibuka lagi; tanggapan, tindak lanjut dan riwayatnya tetap tersimpan."
            fields={{ intent: "close" }}
            error={errorsOf("close")._form}
            open={failed?.intent === "close"}
          >
            <TextAreaField
              name="note"
              label="Catatan penutupan"
              rows={2}
              defaultValue={typed("close", "note")}
              error={errorsOf("close").note}
            />
          </ConfirmAction>
        </section>
      )}

      <h3>Riwayat</h3>
      {history.length === 0 ? (
        <p className="muted">Belum ada riwayat (laporan diajukan sebelum riwayat dicatat).</p>
      ) : (
        <ol className="history">
          {history.map((h) => (
            <li key={`${h.at}-${h.status}-${h.by}`}>
              <strong>{reportStatusLabel(h.status)}</strong> · {h.at} · {h.by}
              <div className="prewrap">{h.note}</div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
