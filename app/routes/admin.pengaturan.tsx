import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { mailStatus } from "~/.server/mail/worker";
import { requirePermission } from "~/.server/session";
import { getSettings, parseSettings, updateSettings } from "~/.server/settings";
import { FormError, Notice, SelectField, TextField } from "~/components/field";
import { MailStatus } from "~/components/mail-status";
import { SETTING_KEYS, SETTINGS } from "~/settings-definitions";

export const meta: MetaFunction = () => [{ title: "Pengaturan — Mutu" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { env } = await requirePermission(request, context, "update:settings");
  const fields = SETTING_KEYS.map((key) => {
    const { label, help, group, default: fallback } = SETTINGS[key];
    const def = SETTINGS[key];
    const english = "english" in def ? def.english : null;
    const choices = "choices" in def ? def.choices : null;
    const kind = choices
      ? "choice"
      : typeof fallback === "boolean"
        ? "toggle"
        : typeof fallback === "number"
          ? "number"
          : "text";
    return { key, label, help, english, group, fallback, kind, choices };
  });
  return { values: await getSettings(env.db), fields, mail: await mailStatus(env.db) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { env, actor } = await requirePermission(request, context, "update:settings");
  const raw: Record<string, unknown> = Object.fromEntries(await request.formData());
  // An unticked checkbox sends nothing.
  for (const key of SETTING_KEYS) if (typeof SETTINGS[key].default === "boolean") raw[key] = raw[key] === "on";
  const parsed = parseSettings(raw);
  if (!parsed.ok) return data({ errors: parsed.errors, raw, changed: null }, { status: 400 });
  const changed = await updateSettings(env.db, actor, parsed.value);
  return { errors: {}, raw, changed: changed.length };
}

export default function SettingsPage() {
  const { values, fields, mail } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Partial<Record<string, string>> = result?.errors ?? {};
  const groups = [...new Set(fields.map((f) => f.group))];
  return (
    <div className="page page-narrow">
      <h1>Pengaturan</h1>
      <p className="lead">Setiap perubahan tercatat di log audit.</p>
      <MailStatus {...mail} />
      <Form method="post" className="stack">
        {groups.map((group) => (
          <fieldset key={group} className="stack">
            <legend>{group}</legend>
            {fields
              .filter((f) => f.group === group)
              .map((def) => {
                const key = def.key;
                const shown =
                  result && !result.changed && result.raw[key] !== undefined ? result.raw[key] : values[key];
                if (def.choices)
                  return (
                    <SelectField
                      key={key}
                      name={key}
                      label={def.label}
                      options={def.choices}
                      defaultValue={String(shown)}
                      hint={def.help}
                      error={errors[key]}
                    />
                  );
                return def.kind === "toggle" ? (
                  <div className="field" key={key}>
                    <label className="checks">
                      <input
                        type="checkbox"
                        name={key}
                        defaultChecked={Boolean(shown)}
                        aria-describedby={`${key}-hint`}
                      />
                      {def.label}
                    </label>
                    <span className="hint" id={`${key}-hint`}>
                      {def.help}
                    </span>
                  </div>
                ) : (
                  <TextField
                    key={key}
                    name={key}
                    label={def.label}
                    inputMode={def.kind === "number" ? "decimal" : undefined}
                    defaultValue={String(shown)}
                    hint={
                      <>
                        {def.help}
                        {def.english && (
                          <>
                            {" "}
                            Istilah lain: <i lang="en">{def.english}</i>.
                          </>
                        )}{" "}
                        Bawaan: {def.fallback === "" ? "kosong" : String(def.fallback)}.
                      </>
                    }
                    error={errors[key]}
                  />
                );
              })}
          </fieldset>
        ))}
        {/* The result, beside the button at the end of a long form. */}
        <FormError errors={errors} />
        <Notice>
          {result?.changed === 0
            ? "Tidak ada yang berubah."
            : result?.changed
              ? `${result.changed} pengaturan tersimpan.`
              : null}
        </Notice>
        <div>
          <button type="submit">Simpan pengaturan</button>
        </div>
      </Form>
    </div>
  );
}
