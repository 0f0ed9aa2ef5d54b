import { useEffect, useState } from "react";

/**
 * While a long import runs, asks the server every half second how many rows it has read or saved. Without
 * JavaScript, or when another server instance answers, it simply says the import is in progress.
 */
export function ImportProgress({ uploadId, saving }: { uploadId: string; saving?: boolean }) {
  const [rows, setRows] = useState<number | null>(null);
  const [phase, setPhase] = useState<string | null>(null);
  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      try {
        const response = await fetch(`/impor/${uploadId}/progres`, { headers: { Accept: "application/json" } });
        if (response.ok) {
          const p = (await response.json()) as { phase: string; rows: number } | null;
          if (p && !stopped) {
            setRows(p.rows);
            setPhase(p.phase);
          }
        }
      } catch {
        // A failed poll is not a failed import; try again.
      }
      if (!stopped) timer = setTimeout(poll, 500);
    };
    let timer = setTimeout(poll, 300);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [uploadId]);
  const verb = saving || phase === "menyimpan" ? "Menyimpan" : "Membaca dan memeriksa";
  return (
    <div className="card" role="status" aria-live="polite">
      <p>
        {verb} berkas…{rows !== null ? ` ${rows.toLocaleString("id-ID")} baris` : ""}
      </p>
      <progress aria-label="Kemajuan impor" />
    </div>
  );
}
