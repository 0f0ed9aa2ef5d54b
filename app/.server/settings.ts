// Settings kept in the database. Values that fail validation (for instance after a manual edit) fall back
// to the default.
import { eq, inArray } from "drizzle-orm";
import type { ChannelCode } from "../../analytics/organization";
import type { GradeBand } from "../../analytics/scoring";
import { settings } from "../../db/schema";
import { defaultSettings, SETTING_KEYS, SETTINGS, type SettingKey, type Settings } from "../settings-definitions";
import { type Actor, recordAudit } from "./audit";
import { type Database, prepared } from "./db";

export { SETTING_KEYS, SETTINGS, type SettingKey, type Settings };

export async function getSettings(db: Database): Promise<Settings> {
  const query = prepared(db, "settings", (d) =>
    d.select().from(settings).where(inArray(settings.key, SETTING_KEYS)).prepare("settings"),
  );
  const rows = await query.execute();
  const result = defaultSettings();
  for (const row of rows) {
    const key = row.key as SettingKey;
    const parsed = SETTINGS[key].schema.safeParse(row.value);
    if (parsed.success) (result as Record<string, unknown>)[key] = parsed.data;
  }
  return result;
}

/** Validates raw form values; errors are keyed by setting. */
export function parseSettings(
  raw: Record<string, unknown>,
): { ok: true; value: Settings } | { ok: false; errors: Partial<Record<SettingKey, string>> } {
  const value = defaultSettings() as Record<string, unknown>;
  const errors: Partial<Record<SettingKey, string>> = {};
  for (const key of SETTING_KEYS) {
    const parsed = SETTINGS[key].schema.safeParse(raw[key]);
    if (parsed.success) value[key] = parsed.data;
    else errors[key] = parsed.error.issues[0]?.message ?? "Nilai tidak valid.";
  }
  // The grade minimums must fall from the first predikat to the last.
  for (const rank of [2, 3, 4] as const) {
    const higher = value[`grade.min.${rank - 1}`];
    const key = `grade.min.${rank}` as SettingKey;
    if (
      !errors[key] &&
      typeof higher === "number" &&
      typeof value[key] === "number" &&
      (value[key] as number) >= higher
    ) {
      errors[key] = `Harus lebih kecil dari nilai minimal predikat sebelumnya (${higher}).`;
    }
  }
  // A rule stricter than E.4 needs its written basis next to it.
  const local = value["certification.failedCounts"] === false || value["certification.validityExpires"] === true;
  if (local && !errors["certification.localPolicy"] && !String(value["certification.localPolicy"] ?? "").trim()) {
    errors["certification.localPolicy"] =
      "Tuliskan dasar kebijakan lokal (nomor dan tanggal nota dinas atau keputusan): syarat sertifikat kini berbeda dari peraturan E.4.";
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value: value as Settings };
}

/** Saves the settings that changed, in one transaction, each change audited. Returns the changed keys. */
export async function updateSettings(db: Database, actor: Actor, next: Settings): Promise<SettingKey[]> {
  return db.transaction(async (tx) => {
    const current = await getSettings(tx);
    const changed = SETTING_KEYS.filter((k) => current[k] !== next[k]);
    for (const key of changed) {
      await tx
        .insert(settings)
        .values({ key, value: next[key], updatedBy: actor.id })
        .onConflictDoUpdate({
          target: settings.key,
          set: { value: next[key], updatedBy: actor.id, updatedAt: new Date() },
        });
      await recordAudit(tx, actor, {
        action: "update",
        entity: "setting",
        entityId: key,
        before: { value: current[key] },
        after: { value: next[key] },
      });
    }
    return changed;
  });
}

export async function getSetting<K extends SettingKey>(db: Database, key: K): Promise<Settings[K]> {
  const [row] = await db.select().from(settings).where(eq(settings.key, key));
  const parsed = row ? SETTINGS[key].schema.safeParse(row.value) : null;
  return (parsed?.success ? parsed.data : SETTINGS[key].default) as Settings[K];
}

/** The predikat bands from the settings, highest first. */
export function gradeBands(settings: Settings): GradeBand[] {
  return [
    { min: settings["grade.min.1"], label: settings["grade.label.1"] },
    { min: settings["grade.min.2"], label: settings["grade.label.2"] },
    { min: settings["grade.min.3"], label: settings["grade.label.3"] },
    { min: settings["grade.min.4"], label: settings["grade.label.4"] },
    { min: Number.NEGATIVE_INFINITY, label: settings["grade.label.5"] },
  ];
}

/** The CPH target (calls per logged-in hour) of a channel. */
export function cphTarget(settings: Settings, channel: ChannelCode): number {
  return settings[`cph.target.${channel}`];
}
