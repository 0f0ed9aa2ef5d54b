// The buttons under an evaluation: the assessor's draft (continue, send, delete) and the agent's answer
// (acknowledge, or dispute with a reason), each with its result next to it.
import { Form, Link } from "@remix-run/react";
import { formatInstantWib } from "../../analytics/dates";
import { ConfirmAction } from "./confirm-action";
import { FormError, TextAreaField } from "./field";

type Failure = { intent?: string; errors: Record<string, string>; values: Record<string, string> } | undefined;

export function DraftActions({
  e,
  failed,
}: {
  e: { id: number; kind: string; lockVersion: number; agentStaffId: number; periodId: string; agentName: string };
  failed: Failure;
}) {
  // A period review is continued on its own form, found by agent and period.
  const edit =
    e.kind === "interaction"
      ? `/evaluasi/${e.id}/ubah`
      : `/evaluasi/periode/nilai?petugas=${e.agentStaffId}&periode=${e.periodId}`;
  const errorOf = (intent: string) => (failed?.intent === intent ? failed.errors._form : undefined);
  return (
    <section aria-labelledby="draf" className="card draft-actions">
      <h2 id="draf">Draf Anda</h2>
      <p className="muted">Draf belum terlihat oleh petugas sampai Anda mengirimnya.</p>
      <div className="actions">
        <Link to={edit} className="button secondary">
          Lanjutkan draf
        </Link>
        <ConfirmAction
          label="Kirim ke petugas"
          confirmLabel="Ya, kirim ke petugas"
          tone="primary"
          consequence={`Evaluasi ini dikirim ke ${e.agentName} seperti tersimpan di atas. Setelah dikirim, nilainya hanya dapat diubah melalui sanggahan.`}
          fields={{ intent: "send", lockVersion: e.lockVersion }}
          error={errorOf("send")}
        />
        <ConfirmAction
          label="Hapus draf"
          confirmLabel="Ya, hapus draf"
          consequence="Draf ini dihapus beserta semua nilainya dan tidak dapat dikembalikan."
          fields={{ intent: "delete", lockVersion: e.lockVersion }}
          error={errorOf("delete")}
        />
      </div>
    </section>
  );
}

/** Acknowledge and dispute, apart: acknowledging is final, so it asks first; a dispute needs a reason. */
export function EvaluationResponse({ deadline, failed }: { deadline: string | Date; failed: Failure }) {
  const disputeErrors = failed?.intent === "dispute" ? failed.errors : {};
  return (
    <section aria-labelledby="tanggapan" className="response">
      <h2 id="tanggapan">Tanggapan Anda</h2>
      <p>
        Konfirmasi bila Anda menerima evaluasi ini, atau sanggah dengan alasan sebelum{" "}
        <strong>{formatInstantWib(new Date(deadline))}</strong>.
      </p>
      <div className="response-choices">
        <section aria-labelledby="terima" className="card">
          <h3 id="terima">Terima</h3>
          <p className="muted small">Anda setuju dengan nilai dan catatan penilai.</p>
          <ConfirmAction
            label="Konfirmasi evaluasi"
            confirmLabel="Ya, saya menerima evaluasi ini"
            tone="primary"
            consequence="Setelah dikonfirmasi, evaluasi ini tidak dapat lagi Anda sanggah."
            fields={{ intent: "acknowledge" }}
            error={failed?.intent === "acknowledge" ? failed.errors._form : undefined}
          />
        </section>
        <section aria-labelledby="sanggah" className="card">
          <h3 id="sanggah">Sanggah</h3>
          <Form method="post" className="stack">
            <TextAreaField
              name="reason"
              label="Alasan sanggahan"
              rows={3}
              defaultValue={failed?.values.reason}
              error={disputeErrors.reason}
              hint="Sebutkan butir yang Anda sanggah dan alasannya, misalnya rujukan peraturan. Koordinator Penjamin Kualitas akan meninjaunya."
            />
            <FormError message={disputeErrors._form} errors={disputeErrors} />
            <div>
              <button type="submit" name="intent" value="dispute" className="secondary">
                Ajukan sanggahan
              </button>
            </div>
          </Form>
        </section>
      </div>
    </section>
  );
}
