import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { hiddenOrMissing } from "~/.server/access";
import { coachingAction, coachingPage } from "~/.server/coaching-page";
import { forbidden } from "~/.server/errors";
import { requirePermission } from "~/.server/session";
import { CoachingSession } from "~/components/coaching-session";
import { Notice } from "~/components/field";
import { coachingStatusLabel } from "../../analytics/coaching";
import { formatDay } from "../../analytics/dates";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Pembinaan ${data?.session.agentName ?? ""} — Mutu` },
];

const NOT_FOUND = "Sesi pembinaan ini tidak ditemukan, atau tidak termasuk wewenang Anda.";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, context, "read:coaching");
  const id = Number(params.id);
  const page = await coachingPage(auth.env.db, auth.access, id);
  if (!page) return hiddenOrMissing(auth, request, { entity: "coaching_session", id }, NOT_FOUND);
  return page;
}

const DONE: Record<string, string> = {
  acknowledge: "ditanggapi",
  follow_up: "ditindaklanjuti",
  add_action: "ditambah",
};

export async function action({ request, context, params }: ActionFunctionArgs) {
  const auth = await requirePermission(request, context, "read:coaching");
  const { access, env, actor } = auth;
  const id = Number(params.id);
  const result = await coachingAction(env.db, { ...actor, id: access.userId }, access, id, await request.formData());
  if (result && "missing" in result)
    return hiddenOrMissing(auth, request, { entity: "coaching_session", id }, NOT_FOUND);
  if (!result) forbidden();
  if (!result.ok) return data(result, { status: result.status });
  throw redirect(
    `/pembinaan/${id}?${DONE[result.intent]}=1#${result.intent === "acknowledge" ? "tanggapan" : "tindakan"}`,
  );
}

const NOTICES: Record<string, string> = {
  dibuka: "Sesi pembinaan tersimpan; petugas melihatnya di halaman Beranda untuk ditanggapi.",
  ditanggapi: "Tanggapan Anda tersimpan.",
  ditindaklanjuti: "Tindak lanjut tercatat.",
  ditambah: "Tindakan ditambahkan.",
};

export default function CoachingSessionPage() {
  const d = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const [params] = useSearchParams();
  const notice = Object.keys(NOTICES).find((k) => params.get(k));
  const { session } = d;
  return (
    <div className="page page-narrow">
      <p>
        <Link to="/pembinaan">← Pembinaan</Link>
      </p>
      <Notice>{notice === "dibuka" ? NOTICES.dibuka : null}</Notice>
      <h1>
        Pembinaan {session.agentName}{" "}
        <span className={d.status === "selesai" ? "badge" : "badge warn"}>{coachingStatusLabel(d.status)}</span>
      </h1>
      <p className="lead">
        {formatDay(session.heldOn)} · oleh {session.coach} · {session.teamName}
      </p>
      <CoachingSession
        page={d}
        failed={failed && !failed.ok ? failed : undefined}
        done={notice && notice !== "dibuka" ? { key: notice, text: NOTICES[notice] ?? "" } : null}
      />
    </div>
  );
}
