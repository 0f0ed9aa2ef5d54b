import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Await, Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Suspense } from "react";
import { previewAction } from "~/.server/import-forms";
import { runUpload } from "~/.server/imports/upload";
import { ownUpload } from "~/.server/imports/visible";
import { requirePermission } from "~/.server/session";
import { FormError } from "~/components/field";
import { ImportChanges } from "~/components/import-changes";
import { ImportProgress } from "~/components/import-progress";
import { ImportCounts, ImportIssues } from "~/components/import-report";
import { KIND_LABELS } from "../../analytics/import-rules";

export const meta: MetaFunction = () => [{ title: "Pratinjau impor — Mutu" }];

async function uploadOf(request: Request, context: LoaderFunctionArgs["context"], id: string | undefined) {
  const auth = await requirePermission(request, context, "import:data");
  return { ...auth, upload: await ownUpload(auth, request, id) };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { env, actor, upload } = await uploadOf(request, context, params.id);
  if (upload.batchId) throw redirect(`/impor/riwayat/${upload.batchId}`);
  const changesPage = Number(new URL(request.url).searchParams.get("halaman")) || 1;
  return {
    upload: { id: upload.id, kind: upload.kind, fileName: upload.fileName },
    // Streamed: the page shows progress while a large file is read.
    report: runUpload(env.db, upload, actor, { commit: false, validOnly: false, changesPage }),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { env, actor, access, upload } = await uploadOf(request, context, params.id);
  const result = await previewAction(env.db, actor, access.userId, upload, await request.formData());
  if (!result.ok) return data({ message: result.message }, { status: 409 });
  throw redirect(result.location);
}

export default function Preview() {
  const { upload, report } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const navigation = useNavigation();
  // Cancelling is a submit too, but nothing is being saved then.
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") !== "batal";
  return (
    <div className="page">
      <p>
        <Link to="/impor">← Impor data</Link>
      </p>
      <h1>Pratinjau impor</h1>
      <p className="lead">
        {KIND_LABELS[upload.kind as "training"]} · {upload.fileName}. Belum ada yang disimpan.
      </p>
      <FormError message={failed?.message} />
      {saving ? (
        <ImportProgress uploadId={upload.id} saving />
      ) : (
        <Suspense fallback={<ImportProgress uploadId={upload.id} />}>
          <Await resolve={report}>
            {(r) => (
              <>
                <ImportCounts report={r} />
                <div className="actions">
                  {r.fileErrors.length === 0 && r.valid > 0 && (
                    <>
                      {r.errorCount === 0 ? (
                        <Form method="post">
                          <button type="submit">Simpan {(r.new + r.updated).toLocaleString("id-ID")} perubahan</button>
                        </Form>
                      ) : (
                        <>
                          <span className="muted">
                            Ada kesalahan: semua atau tidak sama sekali, kecuali Anda memilih:
                          </span>
                          <Form method="post">
                            <input type="hidden" name="validOnly" value="1" />
                            <button type="submit" className="secondary">
                              Impor {r.valid.toLocaleString("id-ID")} baris yang valid saja
                            </button>
                          </Form>
                        </>
                      )}
                      <a href={`/impor/${upload.id}/laporan`} className="button secondary">
                        Unduh laporan (CSV)
                      </a>
                    </>
                  )}
                  <Form method="post">
                    <input type="hidden" name="intent" value="batal" />
                    <button type="submit" className="secondary" aria-describedby="batal-hint">
                      Batalkan pratinjau
                    </button>
                  </Form>
                  <span className="hint" id="batal-hint">
                    Berkas yang diunggah dihapus; tidak ada data yang disimpan.
                  </span>
                </div>
                {r.changes && <ImportChanges changes={r.changes} />}
                <ImportIssues report={r} />
              </>
            )}
          </Await>
        </Suspense>
      )}
    </div>
  );
}
