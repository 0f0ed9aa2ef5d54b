import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound } from "~/.server/errors";
import { loadVersion } from "~/.server/scorecards";
import { requirePermission } from "~/.server/session";
import { publishProblems, templateAction } from "~/.server/templates";
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
  return { ok: true as const, done: result.value };
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
  return (
    <div className="page">
      <p>
        <Link to="/template">← Template penilaian</Link>
      </p>
      <Notice>{outcome?.ok ? DONE[outcome.done] : null}</Notice>
      <FormError
        message={
          failed && ["publish", "discard", "new-draft", "remove-item"].includes(failed.intent)
            ? failed.errors._form
            : undefined
        }
      />
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
          <FormError message={errorsFor("weights")._form ?? errorsFor("weights").weightHardskill} />
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
                          <details>
                            <summary>Ubah atau hapus butir {i.code}</summary>
                            <TemplateItemForm
                              item={i}
                              lockVersion={v.lockVersion}
                              errors={errorsFor("save-item", String(i.id))}
                              values={
                                failed?.intent === "save-item" && failed.itemId === String(i.id)
                                  ? failed.values
                                  : undefined
                              }
                            />
                            <Form method="post">
                              <input type="hidden" name="intent" value="remove-item" />
                              <input type="hidden" name="itemId" value={i.id} />
                              <input type="hidden" name="lockVersion" value={v.lockVersion} />
                              <button type="submit" className="danger">
                                Hapus butir {i.code}
                              </button>
                            </Form>
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
              lockVersion={v.lockVersion}
              errors={errorsFor("save-item")}
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
            <Form method="post">
              <input type="hidden" name="intent" value="publish" />
              <input type="hidden" name="lockVersion" value={v.lockVersion} />
              <button type="submit" disabled={problems.length > 0}>
                Terbitkan versi {v.version}
              </button>
            </Form>
            <Form method="post">
              <input type="hidden" name="intent" value="discard" />
              <input type="hidden" name="lockVersion" value={v.lockVersion} />
              <button type="submit" className="danger">
                Buang draf
              </button>
            </Form>
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
        </Form>
      )}
    </div>
  );
}
