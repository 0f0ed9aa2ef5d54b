import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { undoBatchForm } from "~/.server/import-forms";
import { batchView } from "~/.server/imports/batches";
import { visibleBatch } from "~/.server/imports/visible";
import { requirePermission } from "~/.server/session";
import { ConfirmAction } from "~/components/confirm-action";
import { ExportLinks } from "~/components/export-links";
import { Notice } from "~/components/field";
import { ImportCounts, ImportIssues } from "~/components/import-report";
import { formatInstantWib } from "../../analytics/dates";
import { KIND_LABELS } from "../../analytics/import-rules";

export const meta: MetaFunction = () => [{ title: "Impor — Mutu" }];

async function batchOf(request: Request, context: LoaderFunctionArgs["context"], id: string | undefined) {
  const auth = await requirePermission(request, context, "import:data");
  return { ...auth, batch: await visibleBatch(auth, request, id) };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { batch } = await batchOf(request, context, params.id);
  return batchView(batch);
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { env, actor, user, batch } = await batchOf(request, context, params.id);
  const result = await undoBatchForm(env.db, { ...actor, id: user.id }, batch.id, await request.formData());
  if (!result.ok) return data(result, { status: result.status });
  throw redirect(`/impor/riwayat/${batch.id}?dibatalkan=1`);
}

export default function Batch() {
  const { batch, report } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <div className="page">
      <p>
        <Link to="/impor">← Impor data</Link>
      </p>
      <Notice>
        {params.get("baru") ? "Impor tersimpan." : null}
        {params.get("dibatalkan")
          ? "Impor dibatalkan: baris baru dihapus dan baris yang diperbarui dikembalikan."
          : null}
      </Notice>
      <h1>
        Impor #{batch.id} {batch.undoneAt && <span className="badge off">dibatalkan</span>}
      </h1>
      <p className="lead">
        {KIND_LABELS[batch.kind as "training"]} · {batch.fileName} · oleh {batch.createdByLabel} ·{" "}
        {formatInstantWib(new Date(batch.createdAt))}
        {batch.validOnly ? " · hanya baris valid" : ""}
      </p>
      <ImportCounts report={report} />
      <ExportLinks
        list="impor"
        params={new URLSearchParams({ impor: String(batch.id) })}
        what={`baris dan kesalahan impor #${batch.id}`}
      />
      <div className="actions">
        {report.errorCount + report.warningCount > 0 && (
          <a href={`/impor/riwayat/${batch.id}/laporan`} className="button secondary">
            Unduh laporan kesalahan (CSV)
          </a>
        )}
        {!batch.undoneAt && (
          <ConfirmAction
            label="Batalkan impor ini"
            confirmLabel="Ya, batalkan impor ini"
            consequence="Baris yang ditambahkan impor ini dihapus dan baris yang diperbaruinya dikembalikan seperti sebelum impor. Pembatalan tercatat di log audit dan tidak dapat diulang."
            error={failed?.errors._form}
          />
        )}
      </div>
      <ImportIssues report={report} />
    </div>
  );
}
