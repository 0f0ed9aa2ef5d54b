/** Under Pengaturan: whether Mutu sends mail, and how the outbox stands (docs/decisions/024-mail.md). */
export function MailStatus({
  configured,
  waiting,
  retrying,
  sentThisWeek,
  failed,
}: {
  configured: boolean;
  waiting: number;
  retrying: number;
  sentThisWeek: number;
  failed: number;
}) {
  return (
    <section className="card" aria-labelledby="surel">
      <h2 id="surel">Surel</h2>
      {configured ? (
        <dl className="facts">
          <dt>Menunggu dikirim</dt>
          <dd>
            {waiting}
            {retrying > 0 && ` (${retrying} sedang dicoba ulang karena server surel menolak atau tidak menjawab)`}
          </dd>
          <dt>Terkirim 7 hari terakhir</dt>
          <dd>{sentThisWeek}</dd>
          <dt>Gagal, tidak dicoba lagi</dt>
          <dd>
            {failed}
            {failed > 0 && " — periksa alamat penerima dan log server (disimpan 90 hari)"}
          </dd>
        </dl>
      ) : (
        <p className="muted">
          Mutu tidak mengirim surel: <code>SMTP_URL</code> dan <code>MAIL_FROM</code> belum diatur di server (lihat
          README, bagian "Mail").
        </p>
      )}
      <p className="hint muted">Tautan dalam surel memakai "Alamat publik Mutu" di bawah.</p>
    </section>
  );
}
