import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { listCoaching } from "~/.server/coaching";
import { requirePermission } from "~/.server/session";
import { CoachingTable } from "~/components/coaching-table";
import { SelectField } from "~/components/field";
import { can } from "~/permissions";
import { COACHING_STATUSES, type CoachingStatus } from "../../analytics/coaching";
import { wibDay } from "../../analytics/dates";

export const meta: MetaFunction = () => [{ title: "Pembinaan — Mutu" }];

const STATUS_CHOICES = [
  { value: "terbuka", label: "Belum selesai" },
  ...COACHING_STATUSES.map((s) => ({ value: s.code, label: s.label })),
  { value: "semua", label: "Semua" },
];

/** The most sessions the page lists; the rest are in the KPI workbook's Pembinaan sheet, period by period. */
const LIMIT = 300;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { access, env } = await requirePermission(request, context, "read:coaching");
  const asked = new URL(request.url).searchParams.get("status") ?? "terbuka";
  const status = STATUS_CHOICES.some((c) => c.value === asked) ? asked : "terbuka";
  const rows = await listCoaching(
    env.db,
    access,
    { status: status === "semua" ? undefined : (status as CoachingStatus | "terbuka") },
    wibDay(new Date()),
  );
  return {
    status,
    total: rows.length,
    rows: rows.slice(0, LIMIT).map(({ actions, ...r }) => ({ ...r, actions: actions.map((a) => a.id) })),
    own: access.scope === "own",
    canOpen: can(access.roles, "manage:coaching"),
  };
}

export default function CoachingList() {
  const d = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{d.own ? "Pembinaan saya" : "Pembinaan"}</h1>
      <p className="lead">
        Pembinaan sesudah evaluasi (KEP-165/BC/2014 C.17.a): hal yang diamati, tindakan yang disepakati dengan
        penanggung jawab dan tenggatnya, tanggapan petugas, dan tindak lanjutnya.
      </p>
      <div className="toolbar">
        <Form method="get" className="filters" aria-label="Saring pembinaan">
          <SelectField name="status" label="Status" options={STATUS_CHOICES} defaultValue={d.status} />
          <button type="submit" className="secondary">
            Tampilkan
          </button>
        </Form>
        {d.canOpen && (
          <Link className="button" to="/pembinaan/baru">
            Buka sesi pembinaan
          </Link>
        )}
      </div>
      <p className="muted">
        {d.total} sesi{d.total > d.rows.length ? `; ${d.rows.length} terbaru ditampilkan` : ""}.
      </p>
      <CoachingTable rows={d.rows} showAgent={!d.own} caption="Sesi pembinaan" />
    </div>
  );
}
