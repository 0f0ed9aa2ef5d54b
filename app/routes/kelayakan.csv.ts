import type { LoaderFunctionArgs } from "@remix-run/node";
import { eligibilityFilterFrom, eligibilityList } from "~/.server/certification";
import { requirePermission } from "~/.server/session";
import { csvCell } from "~/.server/spreadsheet-safety";
import { wibDay } from "../../analytics/dates";
import { certificateRoleLabel } from "../../analytics/eligibility";
import { formatNip } from "../../analytics/nip";

// The eligibility list as CSV, with the same filters as the page.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { access, env } = await requirePermission(request, context, "read:eligibility");
  const today = wibDay(new Date());
  const rows = await eligibilityList(env.db, access, eligibilityFilterFrom(new URL(request.url)), today);
  const header = [
    "NIP",
    "Nama",
    "Tim",
    "Keahlian",
    "Memenuhi syarat",
    "Diklat teknis",
    "Soft skills",
    "Dianggap mampu",
    "Kekurangan",
  ];
  const lines = [header.join(";")];
  for (const r of rows) {
    const [teknis, soft, mampu] = r.requirements;
    lines.push(
      [
        // Grouped as printed, so that Excel keeps all 18 digits instead of turning the NIP into 1.98E+17.
        formatNip(r.nip),
        r.fullName,
        r.teamName,
        certificateRoleLabel(r.role),
        r.eligible ? "ya" : "tidak",
        teknis?.evidence ?? "",
        soft?.evidence ?? "",
        mampu?.evidence ?? "",
        r.requirements
          .filter((q) => !q.met)
          .map((q) => q.missing)
          .join(" "),
      ]
        .map(csvCell)
        .join(";"),
    );
  }
  return new Response(`\uFEFF${lines.join("\r\n")}\r\n`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="kelayakan-sertifikat-${today}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
