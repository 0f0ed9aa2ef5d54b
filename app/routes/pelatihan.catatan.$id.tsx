import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { notFound } from "~/.server/errors";
import { submitConfirmed, submitForm } from "~/.server/forms";
import { requirePermission } from "~/.server/session";
import { recordValues } from "~/.server/training-record-forms";
import { deleteRecord, getRecord, recordChoices, recordInput, updateRecord } from "~/.server/training-records";
import { ConfirmAction } from "~/components/confirm-action";
import { TrainingRecordForm } from "~/components/training-record-form";
import { can } from "~/permissions";
import { formatInstantWib } from "../../analytics/dates";

export const meta: MetaFunction = () => [{ title: "Ubah catatan pelatihan — Mutu" }];

const recordId = (params: { id?: string }) => (/^\d{1,9}$/.test(params.id ?? "") ? Number(params.id) : 0);
const versionInput = z.object({ version: z.coerce.number().int().positive() });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { env, user } = await requirePermission(request, context, "manage:training_record");
  const record = await getRecord(env.db, recordId(params));
  if (!record) notFound("Catatan pelatihan ini tidak ditemukan; mungkin sudah dihapus.");
  const canOpenBatch = can(user.roles, "import:training");
  return { record, values: recordValues(record), choices: await recordChoices(env.db), canOpenBatch };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { env, actor } = await requirePermission(request, context, "manage:training_record");
  const form = await request.formData();
  const id = recordId(params);
  if (form.get("intent") === "hapus") {
    const result = await submitConfirmed(versionInput, form, ({ version }) => deleteRecord(env.db, actor, id, version));
    if (!result.ok) return data({ ...result, intent: "hapus" }, { status: result.status });
    throw redirect("/pelatihan/catatan?dihapus=1");
  }
  const version = versionInput.safeParse({ version: form.get("version") });
  const result = await submitForm(recordInput, form, (input) =>
    updateRecord(env.db, actor, id, version.success ? version.data.version : 0, input),
  );
  if (!result.ok) return data({ ...result, intent: "ubah" }, { status: result.status });
  throw redirect("/pelatihan/catatan?disimpan=1");
}

export default function EditTrainingRecord() {
  const { record, values, choices, canOpenBatch } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const editFailed = failed?.intent === "ubah" ? failed : undefined;
  return (
    <div className="page page-narrow">
      <p>
        <Link to="/pelatihan/catatan">← Catatan pelatihan</Link>
      </p>
      <h1>Ubah catatan pelatihan</h1>
      <p className="muted">
        {record.batchId ? (
          <>
            Dari{" "}
            {canOpenBatch ? (
              <Link to={`/impor/riwayat/${record.batchId}`}>impor no. {record.batchId}</Link>
            ) : (
              `impor no. ${record.batchId}`
            )}
            . Setelah diubah di sini, catatan ini tidak lagi ikut dibatalkan bila impor itu dibatalkan.
          </>
        ) : (
          "Dicatat atau terakhir diubah di Mutu."
        )}{" "}
        Terakhir diubah {formatInstantWib(new Date(record.updatedAt))}.
      </p>
      <TrainingRecordForm
        choices={choices}
        values={editFailed?.values ?? values}
        errors={editFailed?.errors ?? {}}
        submitLabel="Simpan perbaikan"
        version={record.version}
      />
      <h2>Hapus catatan</h2>
      <ConfirmAction
        label="Hapus catatan"
        confirmLabel="Ya, hapus catatan"
        consequence="Catatan ini dihapus; kelayakan sertifikasi orangnya dihitung ulang tanpa catatan ini. Isinya tetap tercatat di log audit."
        fields={{ intent: "hapus", version: record.version }}
        error={failed?.intent === "hapus" ? failed.errors._form : undefined}
      />
    </div>
  );
}
