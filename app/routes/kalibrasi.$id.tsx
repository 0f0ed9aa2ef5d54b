import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { sessionPage } from "~/.server/calibration";
import { sessionAction } from "~/.server/calibration-forms";
import { requirePermission } from "~/.server/session";
import { CalibrationResults } from "~/components/calibration-results";
import { ConfirmAction } from "~/components/confirm-action";
import { channelLabel } from "~/components/evaluation-view";
import { FormError, Notice } from "~/components/field";
import { initialFromScores, initialFromValues, ScoreSheet } from "~/components/score-sheet";
import { formatInstantWib } from "../../analytics/dates";
import { INTERACTION_SECTIONS } from "../../analytics/scoring";

export const meta: MetaFunction = () => [{ title: "Sesi kalibrasi — Mutu" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, context, "read:calibration");
  return sessionPage(auth, request, Number(params.id));
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const permission = form.get("intent") === "close" ? "manage:calibration" : "read:calibration";
  const auth = await requirePermission(request, context, permission);
  const id = Number(params.id);
  const result = await sessionAction(auth, request, id, form);
  if (!result.ok) return data(result, { status: result.status });
  throw redirect(`/kalibrasi/${id}?${result.value}=1`);
}

export default function CalibrationSession() {
  const { session, participants, me, version, own, hasOwnScores, result, canClose, threshold } =
    useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = failed?.errors ?? {};
  return (
    <div className="page">
      <p>
        <Link to="/kalibrasi">← Kalibrasi</Link>
      </p>
      <Notice>
        {params.get("terkirim")
          ? "Nilai kalibrasi Anda tersimpan. Hasil terlihat setelah koordinator menutup sesi."
          : null}
        {params.get("ditutup") ? "Sesi ditutup; hasil kalibrasi di bawah." : null}
      </Notice>
      <h1>{session.title}</h1>
      <p className="lead">
        {channelLabel(session.channel)} · {session.interactionRef} · {formatInstantWib(new Date(session.interactionAt))}{" "}
        · {version.templateName} versi {version.version} · {session.state === "open" ? "terbuka" : "ditutup"}
      </p>
      <h2>Peserta</h2>
      <ul>
        {participants.map((p) => (
          <li key={p.userId}>
            {p.name}
            {p.benchmark ? " (acuan)" : ""} — {p.submittedAt ? "sudah mengirim nilai" : "belum mengirim"}
          </li>
        ))}
      </ul>
      {session.state === "open" && me && (
        <section aria-labelledby="nilai">
          <h2 id="nilai">{hasOwnScores ? "Nilai Anda (boleh diperbarui sampai sesi ditutup)" : "Nilai Anda"}</h2>
          <p className="muted">Anda tidak melihat nilai peserta lain sampai sesi ditutup.</p>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="submit" />
            <ScoreSheet
              items={version.items}
              sections={INTERACTION_SECTIONS}
              weights={version.weights}
              initial={
                failed
                  ? initialFromValues(version.items, failed.values)
                  : hasOwnScores
                    ? initialFromScores(version.items, own)
                    : {}
              }
              errors={errors}
            />
            <FormError message={failed?.intent === "close" ? undefined : errors._form} errors={errors} />
            <div>
              <button type="submit">Kirim nilai kalibrasi</button>
            </div>
          </Form>
        </section>
      )}
      {canClose && (
        <div className="actions">
          <ConfirmAction
            label="Tutup sesi dan tampilkan hasil"
            confirmLabel="Ya, tutup sesi"
            tone="primary"
            consequence="Setelah ditutup, peserta tidak dapat lagi mengirim atau mengubah nilai, dan nilai semua peserta terlihat. Sesi tidak dapat dibuka kembali."
            fields={{ intent: "close" }}
            error={failed?.intent === "close" ? errors._form : undefined}
          />
        </div>
      )}
      {result && (
        <CalibrationResults result={result} items={version.items} participants={participants} threshold={threshold} />
      )}
    </div>
  );
}
