import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { listCoaching, statusFilter } from "~/.server/coaching";
import { requirePermission } from "~/.server/session";
import { CoachingTable } from "~/components/coaching-table";
import { ExportLinks } from "~/components/export-links";
import { SelectField } from "~/components/field";
import { can } from "~/permissions";
import { COACHING_STATUS_CHOICES, coachingStatusFrom } from "../../analytics/coaching";
import { wibDay } from "../../analytics/dates";

export const meta: MetaFunction = () => [{ title: "Pembinaan — Mutu" }];

/** The most sessions the page lists; the download holds them all. */
const LIMIT = 300;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { access, env } = await requirePermission(request, context, "read:coaching");
  const status = coachingStatusFrom(new URL(request.url).searchParams);
  const rows = await listCoaching(env.db, access, { status: statusFilter(status) }, wibDay(new Date()));
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
          <SelectField name="status" label="Status" options={COACHING_STATUS_CHOICES} defaultValue={d.status} />
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
      {d.total > 0 && <ExportLinks list="pembinaan" what="daftar pembinaan ini, satu baris per tindakan" />}
      <CoachingTable rows={d.rows} showAgent={!d.own} caption="Sesi pembinaan" />
    </div>
  );
}
