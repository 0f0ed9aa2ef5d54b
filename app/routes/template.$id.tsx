import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound } from "~/.server/errors";
import { loadVersion } from "~/.server/scorecards";
import { requirePermission } from "~/.server/session";
import { publishProblems, templateAction } from "~/.server/templates";
import { ConfirmAction } from "~/components/confirm-action";
import { CriticalBadge } from "~/components/critical-badge";
import { FormError, Notice, TextField } from "~/components/field";
import { TemplateItemForm } from "~/components/template-item-form";
import { can } from "~/permissions";
import { formatInstantWib } from "../../analytics/dates";
import { ITEM_SECTIONS, SECTION_LABELS } from "../../analytics/scoring";

export const meta: MetaFunction = () => [{ title: "Versi template — Mutu" }];

const STATUS: Record<string, string> = {
  draft: "Draf",
  published: "Terbit (berlaku)",
  retired: "Diganti versi lebih baru",
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, env } = await requirePermission(request, context, "read:template");
  const version = await loadVersion(env.db, Number(params.id));
  if (!version) notFound("Versi template ini tidak ditemukan.");
  const editable = version.status === "draft" && can(user.roles, "manage:template");
  return {
    version,
    editable,
    canManage: can(user.roles, "manage:template"),
    problems: editable ? publishProblems(version) : [],
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, env, actor } = await requirePermission(request, context, "manage:template");
  const form = await request.formData();
  const result = await templateAction(env.db, { ...actor, id: user.id }, Number(params.id), form);
  if (!result.ok)
    return data(
      { ...result, intent: String(form.get("intent")), itemId: String(form.get("itemId") ?? "") },
      { status: result.status },
    );
  if (result.value.startsWith("draft:")) throw redirect(`/template/${result.value.slice(6)}`);
  if (result.value === "discarded") throw redirect("/template");
  return { ok: true as const, done: result.value, itemId: String(form.get("itemId") ?? "") };
}

const DONE: Record<string, string> = {
  weights: "Bobot bagian tersimpan.",
  item: "Butir tersimpan.",
  removed: "Butir dihapus dari draf.",
  published: "Versi ini telah terbit dan berlaku untuk evaluasi baru. Versi sebelumnya tetap dapat dibaca.",
};

export default function TemplateVersion() {
  const { version: v, editable, canManage, problems } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const failed = outcome && !outcome.ok ? outcome : undefined;
  // What the user typed into a form that came back with errors, so nothing they entered is lost.
  const typed = (intent: string, field: string) => (failed?.intent === intent ? failed.values[field] : undefined);
  const errorsFor = (intent: string, itemId = "") =>
    failed && failed.intent === intent && failed.itemId === itemId ? failed.errors : {};
  // A result is shown next to the form that caused it.
  const done = (what: string, itemId = "") =>
    outcome?.ok && outcome.done === what && outcome.itemId === itemId ? DONE[what] : undefined;
  const refusal = (intent: string, itemId = "") => errorsFor(intent, itemId)._form;
  return (
    <div className="page">
      <p>
        <Link to="/template">← Template penilaian</Link>
      </p>
      {/* The removed item's form is gone and a published version is read-only: their result goes on top. */}
      <Notice>{outcome?.ok && ["removed", "published"].includes(outcome.done) ? DONE[outcome.done] : null}</Notice>
      <h1>
        {v.templateName} · versi {v.version}
      </h1>
      <p className="lead">
        {v.teamName} · {STATUS[v.status] ?? v.status}
        {v.publishedAt ? ` sejak ${formatInstantWib(new Date(v.publishedAt))}` : ""}
      </p>
      {v.description && <p>{v.description}</p>}

      <h2>Bobot bagian (jumlah 100)</h2>
      {editable ? (
        <Form method="post" className="card stack" noValidate>
          <input type="hidden" name="intent" value="weights" />
          <input type="hidden" name="lockVersion" value={v.lockVersion} />
          <div className="grid-2">
            {(["Hardskill", "Softskill", "Kedisiplinan", "Cph"] as const).map((name) => (
              <TextField
                key={name}
                name={`weight${name}`}
                label={`${name === "Cph" ? "CPH" : name} (%)`}
                inputMode="numeric"
                defaultValue={typed("weights", `weight${name}`) ?? String(v.weights[name.toLowerCase() as "hardskill"])}
              />
            ))}
          </div>
          <div className="field">
            <label htmlFor="description">Keterangan</label>
            <textarea
              id="description"
              name="description"
              rows={2}
              defaultValue={typed("weights", "description") ?? v.description}
            />
          </div>
          <FormError message={errorsFor("weights")._form ?? errorsFor("weights").weightHardskill} />
          <Notice>{done("weights")}</Notice>
          <div>
            <button type="submit">Simpan bobot</button>
          </div>
        </Form>
      ) : (
        <p>
          Hardskill {v.weights.hardskill}% · Softskill {v.weights.softskill}% · Kedisiplinan {v.weights.kedisiplinan}% ·
          CPH {v.weights.cph}%
        </p>
      )}

      {ITEM_SECTIONS.map((section) => (
        <section key={section} aria-labelledby={`s-${section}`}>
          <h2 id={`s-${section}`}>
            {SECTION_LABELS[section]} <span className="muted small">bobot {v.weights[section]}%</span>
          </h2>
          <div className="table-wrap">
            <table className="stack-table">
              <caption className="visually-hidden">Butir {SECTION_LABELS[section]}</caption>
              <thead>
                <tr>
                  <th scope="col">Kode</th>
                  <th scope="col">Butir</th>
                  <th scope="col">Dasar</th>
                  <th scope="col">Skala</th>
                  <th scope="col" className="num">
                    Bobot
                  </th>
                  <th scope="col">Catatan</th>
                </tr>
              </thead>
              <tbody>
                {v.items
                  .filter((i) => i.section === section)
                  .map((i) => (
                    <tr key={i.id}>
                      <td data-label="Kode" className="card-title">
                        <strong>{i.code}</strong>
                      </td>
                      {/* No label on a phone: the item's text and its forms take the card's whole width. */}
                      <td data-label="">
                        {i.text}
                        {i.guidance && <div className="muted small">{i.guidance}</div>}
                        {editable && (
                          // Open again after a save or a refusal of this item, so its message is seen.
                          <details open={outcome?.itemId === String(i.id) || undefined}>
                            <summary>Ubah atau hapus butir {i.code}</summary>
                            <TemplateItemForm
                              item={i}
                              lockVersion={v.lockVersion}
                              errors={errorsFor("save-item", String(i.id))}
                              notice={done("item", String(i.id))}
                              values={
                                failed?.intent === "save-item" && failed.itemId === String(i.id)
                                  ? failed.values
                                  : undefined
                              }
                            />
                            <ConfirmAction
                              label={`Hapus butir ${i.code}`}
                              confirmLabel={`Ya, hapus butir ${i.code}`}
                              consequence={`Butir ${i.code} dihapus dari draf versi ${v.version}. Versi yang sudah terbit tidak berubah.`}
                              fields={{ intent: "remove-item", itemId: i.id, lockVersion: v.lockVersion }}
                              error={refusal("remove-item", String(i.id))}
                            />
                          </details>
                        )}
                      </td>
                      <td data-label="Dasar">{i.clause}</td>
                      <td data-label="Skala">{i.scale === "1-5" ? "1–5" : "Ya/Tidak"}</td>
                      <td className="num" data-label="Bobot">
                        {i.critical ? "—" : i.weight}
                      </td>
                      <td data-label="Catatan">
                        {i.critical && <CriticalBadge />}
                        {i.allowNa && (
                          <>
                            {" "}
                            <span className="badge">boleh N/A</span>
                          </>
                        )}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}

      {editable && (
        <>
          <h2>Tambah butir</h2>
          <div className="card">
            <TemplateItemForm
              // A fresh, empty form once the item is added.
              key={v.items.length}
              lockVersion={v.lockVersion}
              errors={errorsFor("save-item")}
              notice={done("item")}
              values={failed?.intent === "save-item" && !failed.itemId ? failed.values : undefined}
            />
          </div>
          <h2>Terbitkan</h2>
          {problems.length > 0 ? (
            <ul className="alert alert-info">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          ) : (
            <p>Setelah terbit, versi ini tidak dapat diubah dan menggantikan versi yang sedang berlaku.</p>
          )}
          <div className="actions">
            <ConfirmAction
              label={`Terbitkan versi ${v.version}`}
              confirmLabel={`Ya, terbitkan versi ${v.version}`}
              tone="primary"
              disabled={problems.length > 0}
              consequence={`Versi ${v.version} menjadi tetap (tidak dapat diubah lagi) dan dipakai untuk setiap evaluasi baru ${v.teamName}. Evaluasi yang sudah ada tetap memakai versinya.`}
              fields={{ intent: "publish", lockVersion: v.lockVersion }}
              error={refusal("publish")}
            />
            <ConfirmAction
              label="Buang draf"
              confirmLabel="Ya, buang draf ini"
              consequence={`Draf versi ${v.version} beserta semua perubahannya dibuang dan tidak dapat dikembalikan.`}
              fields={{ intent: "discard", lockVersion: v.lockVersion }}
              error={refusal("discard")}
            />
          </div>
        </>
      )}
      {canManage && v.status !== "draft" && (
        <Form method="post" className="actions">
          <input type="hidden" name="intent" value="new-draft" />
          <input type="hidden" name="templateId" value={v.templateId} />
          <button type="submit" className="secondary">
            Ubah: buat versi baru (draf) dari template ini
          </button>
          <FormError message={refusal("new-draft")} />
        </Form>
      )}
    </div>
  );
}
