// The work inbox on the home page: one group per kind of work, each line a link to the page where it is done,
// overdue lines first and marked, the deadline in words and in WIB.
import { Link } from "@remix-run/react";

type Item = {
  text: string;
  to: string;
  note: string | null;
  due: string | null;
  dueWords: string | null;
  overdue: boolean;
};
type Group = { key: string; title: string; count: number; to: string | null; items: Item[]; summary?: string };

export function Inbox({ groups }: { groups: Group[] }) {
  const total = groups.reduce((sum, g) => sum + g.count, 0);
  return (
    <section aria-labelledby="menunggu" className="inbox">
      <h2 id="menunggu">Menunggu Anda</h2>
      {total === 0 ? (
        <p className="muted">Tidak ada pekerjaan yang menunggu Anda saat ini.</p>
      ) : (
        groups.map((g) => (
          <section key={g.key} className="card inbox-group" aria-labelledby={`kotak-${g.key}`}>
            <h3 id={`kotak-${g.key}`}>
              {g.to ? <Link to={g.to}>{g.title}</Link> : g.title} <span className="badge">{g.count}</span>
            </h3>
            {g.summary && <p>{g.summary}</p>}
            <ul>
              {g.items.map((item) => (
                <li key={`${item.to}|${item.text}`} className={item.overdue ? "overdue" : undefined}>
                  <Link to={item.to}>{item.text}</Link>
                  {item.note && <span className="muted"> — {item.note}</span>}
                  {item.due && (
                    <span className={item.overdue ? "due error" : "due"}>
                      {" "}
                      ({item.overdue ? "tenggat " : ""}
                      {item.dueWords}; {item.due})
                    </span>
                  )}
                </li>
              ))}
            </ul>
            {g.to && g.count > g.items.length && (
              <p>
                <Link to={g.to}>
                  Lihat semua {g.count}: {g.title.charAt(0).toLowerCase() + g.title.slice(1)}
                </Link>
              </p>
            )}
          </section>
        ))
      )}
    </section>
  );
}
