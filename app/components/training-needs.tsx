import { Link } from "@remix-run/react";
import { formatDay } from "../../analytics/dates";
import { SECTION_LABELS } from "../../analytics/scoring";
import { RECENT_MONTHS } from "../../analytics/training-needs";
import { formatScore } from "../score-fields";

type Course = { id: number; code: string; name: string };
type Need = {
  dimension: "hardskill" | "softskill" | "kedisiplinan";
  score: number;
  thresholdPoints: number;
  categoryLabel: string;
  suggested: (Course & { last: { endDate: string; status: string } | null })[];
  recent: (Course & { endDate: string })[];
};

/** What "recently" means, said once where the suggestions are explained. */
const RULE = `belum diikuti dalam ${RECENT_MONTHS} bulan terakhir (pelatihan dengan penyegaran berkala: dalam selang penyegarannya)`;

/** The course's code and name, a link to its page in the catalogue for who may open it (HR). */
function CourseName({ course, link, codeOnly }: { course: Course; link: boolean; codeOnly?: boolean }) {
  const text = codeOnly ? course.code : `${course.code} — ${course.name}`;
  return link ? (
    <Link to={`/pelatihan/${course.id}`} title={codeOnly ? course.name : undefined}>
      {text}
    </Link>
  ) : (
    <span title={codeOnly ? course.name : undefined}>{text}</span>
  );
}

function lastWords(last: { endDate: string; status: string } | null): string {
  if (!last) return "belum pernah diikuti";
  const day = formatDay(last.endDate);
  return last.status === "tidak_lulus" ? `terakhir tidak lulus (${day})` : `terakhir diikuti ${day}`;
}

const recentList = (recent: Need["recent"]) => recent.map((c) => `${c.code} (${formatDay(c.endDate)})`).join(", ");

/** Why nothing of a category is suggested: all of it was had recently, or the catalogue has none. */
function nothingSuggested(need: Need): string {
  return need.recent.length > 0
    ? `Tidak ada yang disarankan: semua pelatihan kategori ${need.categoryLabel} sudah diikuti baru-baru ini — ${recentList(need.recent)}.`
    : `Tidak ada yang disarankan: katalog pelatihan belum memuat pelatihan aktif kategori ${need.categoryLabel}.`;
}

/**
 * "Saran pelatihan" on a person's page (staff page, profile): each dimension of the last scored period below the
 * threshold, with the courses of its category not had recently, or why there are none.
 */
export function TrainingNeeds({
  data,
  linkCourses,
  own,
}: {
  data: { period: { label: string } | null; thresholdPoints: number; needs: Need[] };
  linkCourses: boolean;
  /** The person reads their own page: "Anda" rather than "petugas ini". */
  own: boolean;
}) {
  const who = own ? "Anda" : "petugas ini";
  if (!data.period) {
    return (
      <p className="muted">
        Belum ada nilai hardskill, softskill atau kedisiplinan {who} pada periode-periode di atas, jadi belum ada saran
        pelatihan.
      </p>
    );
  }
  if (data.needs.length === 0) {
    return (
      <p className="muted">
        Pada {data.period.label} tidak ada nilai hardskill, softskill atau kedisiplinan {who} yang di bawah batas{" "}
        {data.thresholdPoints}, jadi tidak ada saran pelatihan.
      </p>
    );
  }
  return (
    <>
      <p>
        Berdasarkan KPI {data.period.label}. Untuk setiap nilai di bawah batas {data.thresholdPoints} disarankan
        pelatihan kategori yang sesuai yang {RULE} — pengembangan sumber daya, butir C.17.c.
      </p>
      <ul className="training-needs">
        {data.needs.map((need) => (
          <li key={need.dimension}>
            <strong>
              {SECTION_LABELS[need.dimension]} {formatScore(need.score)}
            </strong>{" "}
            (di bawah batas {need.thresholdPoints}) — kategori {need.categoryLabel}
            {need.suggested.length > 0 ? (
              <ul>
                {need.suggested.map((c) => (
                  <li key={c.id}>
                    <CourseName course={c} link={linkCourses} />, <span className="muted">{lastWords(c.last)}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{nothingSuggested(need)}</p>
            )}
            {need.suggested.length > 0 && need.recent.length > 0 && (
              <p className="muted small">
                Sudah diikuti baru-baru ini, tidak disarankan lagi: {recentList(need.recent)}.
              </p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * The KPI page's below-threshold list, compact enough for a phone: per agent the weak dimensions and the codes
 * of the courses suggested (the name on hover; in full on the person's page, linked).
 */
export function BelowThresholdTraining({
  rows,
  linkCourses,
}: {
  rows: { staffId: number; fullName: string; needs: Need[] }[];
  linkCourses: boolean;
}) {
  if (rows.length === 0) return null;
  return (
    <>
      <h3 id="saran-pelatihan">Saran pelatihan</h3>
      <p className="muted small">
        Untuk nilai hardskill, softskill atau kedisiplinan di bawah batas disarankan pelatihan kategori yang sesuai yang{" "}
        {RULE} (butir C.17.c). Nama pelatihan dan tanggalnya ada di halaman staf masing-masing.
      </p>
      <ul className="training-needs">
        {rows.map((row) => (
          <li key={row.staffId}>
            <Link to={`/staf/${row.staffId}`}>{row.fullName}</Link>:{" "}
            {row.needs.map((need, i) => (
              <span key={need.dimension}>
                {i > 0 && "; "}
                {SECTION_LABELS[need.dimension]} {formatScore(need.score)} →{" "}
                {need.suggested.length > 0
                  ? need.suggested.map((c, j) => (
                      <span key={c.id}>
                        {j > 0 && ", "}
                        <CourseName course={c} link={linkCourses} codeOnly />
                      </span>
                    ))
                  : need.recent.length > 0
                    ? "semua sudah diikuti baru-baru ini"
                    : "belum ada pelatihan di katalog"}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </>
  );
}
