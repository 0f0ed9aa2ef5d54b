import { Link } from "@remix-run/react";
import { PERMISSIONS, type Role } from "~/permissions";
import type { ImportKind } from "../../analytics/import-rules";
import { ROLE_LABELS } from "../../analytics/roles";

/** The roles that may import a kind of file, named as people know them ("SDM atau Koordinator …"). */
export function importersOf(kind: ImportKind): string {
  const names = (Object.keys(PERMISSIONS) as Role[])
    .filter((role) => PERMISSIONS[role].some((p) => p.startsWith(`import:${kind}:`)))
    .map((role) => ROLE_LABELS[role]);
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} atau ${names.at(-1)}` : (names[0] ?? "");
}

/**
 * Where the data of an empty page comes from: a link to **Impor** for someone who may import that kind of file,
 * otherwise who does (a link to a page that answers 403 is a dead end).
 */
export function ImportHint({ kind, what, canImport }: { kind: ImportKind; what: string; canImport: boolean }) {
  if (canImport) {
    return (
      <>
        Impor berkas {what} di <Link to="/impor">Impor</Link>.
      </>
    );
  }
  return (
    <>
      Berkas {what} diimpor oleh {importersOf(kind)}.
    </>
  );
}
