import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/.server/session";
import { templateAction } from "~/.server/template-forms";
import { versionPage } from "~/.server/templates";
import { FormError, Notice } from "~/components/field";
import { DraftActions, outcomeView, SectionItems, VersionWeights } from "~/components/template-version";
import { formatInstantWib } from "../../analytics/dates";

export const meta: MetaFunction = () => [{ title: "Versi template — Mutu" }];

const STATUS: Record<string, string> = {
  draft: "Draf",
  published: "Terbit (berlaku)",
  retired: "Diganti versi lebih baru",
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { access, env } = await requirePermission(request, context, "read:template");
  return versionPage(env.db, Number(params.id), access.roles);
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, env, actor } = await requirePermission(request, context, "manage:template");
  const result = await templateAction(env.db, { ...actor, id: user.id }, Number(params.id), await request.formData());
  if (!result.ok) return data(result, { status: result.status });
  if (result.value.startsWith("draft:")) throw redirect(`/template/${result.value.slice(6)}`);
  if (result.value === "discarded") throw redirect("/template");
  return { ok: true as const, done: result.value, itemId: result.itemId };
}

export default function TemplateVersion() {
  const { version: v, editable, canManage, problems } = useLoaderData<typeof loader>();
  const view = outcomeView(useActionData<typeof action>());
  return (
    <div className="page">
      <p>
        <Link to="/template">← Template penilaian</Link>
      </p>
      <Notice>{view.onTop}</Notice>
      <h1>
        {v.templateName} · versi {v.version}
      </h1>
      <p className="lead">
        {v.teamName} · {STATUS[v.status] ?? v.status}
        {v.publishedAt ? ` sejak ${formatInstantWib(new Date(v.publishedAt))}` : ""}
      </p>
      {v.description && <p>{v.description}</p>}
      <h2>Bobot bagian (jumlah 100)</h2>
      <VersionWeights v={v} editable={editable} view={view} />
      <SectionItems v={v} editable={editable} view={view} />
      {editable && <DraftActions v={v} problems={problems} view={view} />}
      {canManage && v.status !== "draft" && (
        <Form method="post" className="actions">
          <input type="hidden" name="intent" value="new-draft" />
          <input type="hidden" name="templateId" value={v.templateId} />
          <button type="submit" className="secondary">
            Ubah: buat versi baru (draf) dari template ini
          </button>
          <FormError message={view.refusal("new-draft")} />
        </Form>
      )}
    </div>
  );
}
