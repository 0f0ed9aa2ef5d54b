import type { ColumnSpec } from "../../analytics/import-columns";

export type KindFormat = {
  kind: string;
  label: string;
  row: string;
  key: string;
  columns: Pick<ColumnSpec, "names" | "required" | "content">[];
  samples: { file: string; description: string }[];
};

/**
 * The columns of each kind of file the viewer may import, from the same specs the import engine reads headers
 * with, and the sample files to download. Each kind folds open on its own (a <details>, no JavaScript needed).
 */
export function ImportFormats({ formats, maxMegabytes }: { formats: KindFormat[]; maxMegabytes: number }) {
  return (
    <section aria-labelledby="format-berkas" className="import-formats">
      <h2 id="format-berkas">Format berkas dan contoh</h2>
      <p>
        Berkas CSV UTF-8 (di Excel: <strong>Simpan sebagai → CSV UTF-8</strong>), dipisah koma, titik koma atau tab,
        atau berkas Excel (.xlsx) apa adanya, paling besar {maxMegabytes} MB. Dari berkas Excel dibaca lembar pertama
        yang terlihat (atau lembar yang Anda sebutkan), dengan teks setiap sel seperti yang tampil di Excel; baris atau
        kolom yang disembunyikan dan sel yang digabung dilaporkan, dan NIP harus berformat Teks. Baris pertama berisi
        nama kolom, dalam bahasa Indonesia atau Inggris, dengan urutan, huruf besar-kecil dan spasi bebas (
        <code>Kode Pelatihan</code> = <code>kode_pelatihan</code>); kolom lain diabaikan. Angka boleh memakai koma
        desimal. Berkas yang sama diimpor dua kali tidak mengubah apa pun.
      </p>
      {formats.map((f) => (
        <details key={f.kind} className="card">
          <summary>
            <strong>{f.label}</strong>: kolom dan berkas contoh
          </summary>
          <p>
            {f.row} Baris yang sama dikenali dari {f.key}: mengimpornya lagi memperbarui baris itu.
          </p>
          <div className="table-wrap">
            <table className="stack-table">
              <caption className="visually-hidden">Kolom berkas {f.label}</caption>
              <thead>
                <tr>
                  <th scope="col">Kolom</th>
                  <th scope="col">Wajib</th>
                  <th scope="col">Isi</th>
                </tr>
              </thead>
              <tbody>
                {f.columns.map((c) => (
                  <tr key={c.names[0]}>
                    <td data-label="Kolom" className="card-title">
                      {c.names.map((n, i) => (
                        <span key={n}>
                          {i > 0 && " / "}
                          <code>{n}</code>
                        </span>
                      ))}
                    </td>
                    <td data-label="Wajib">{c.required ? "ya" : "—"}</td>
                    <td data-label="Isi">{c.content}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {f.samples.length > 0 && (
            <>
              <h3>Berkas contoh</h3>
              <ul>
                {f.samples.map((s) => (
                  <li key={s.file}>
                    <a href={`/impor/contoh/${s.file}`} download={s.file}>
                      {s.file}
                    </a>
                    : {s.description}
                  </li>
                ))}
              </ul>
            </>
          )}
        </details>
      ))}
    </section>
  );
}
