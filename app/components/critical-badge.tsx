/**
 * The "kritis" badge beside an item's text. The visually hidden words keep a screen reader from running the
 * badge into the text before it ("peraturankritis") and say what it means; `failed` marks an evaluation whose
 * critical item failed (its total is 0).
 */
export function CriticalBadge({ failed = false }: { failed?: boolean }) {
  return (
    <>
      {" "}
      <span className="badge danger">
        <span className="visually-hidden">{failed ? "— butir kritis gagal: " : "— butir "}</span>kritis
      </span>
    </>
  );
}
