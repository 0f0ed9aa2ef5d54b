// Settings: each with a default, a validation rule and an Indonesian label. Shared by the server (which
// stores and validates them) and the settings page (which shows labels and help).
import { z } from "zod";

type Definition<T> = { schema: z.ZodType<T>; default: T; label: string; help: string; group: string };

const minutes = (min: number, max: number) =>
  z.coerce
    .number({ error: "Isi dengan angka." })
    .int({ error: "Isi dengan bilangan bulat." })
    .min(min, { error: `Paling sedikit ${min}.` })
    .max(max, { error: `Paling banyak ${max}.` });

export const SETTINGS = {
  "session.idleMinutes": {
    schema: minutes(5, 480),
    default: 30,
    group: "Sesi",
    label: "Batas waktu tidak aktif (menit)",
    help: "Sesi berakhir bila pengguna tidak membuka halaman apa pun selama waktu ini.",
  } satisfies Definition<number>,
  "session.absoluteHours": {
    schema: minutes(1, 24),
    default: 12,
    group: "Sesi",
    label: "Masa berlaku sesi (jam)",
    help: "Sesi berakhir setelah waktu ini sejak masuk, walaupun pengguna tetap aktif.",
  } satisfies Definition<number>,
  "auth.maxFailuresPerUsername": {
    schema: minutes(3, 50),
    default: 5,
    group: "Keamanan masuk",
    label: "Percobaan gagal per nama pengguna",
    help: "Setelah sekian kali gagal dalam jendela waktu, akun itu tidak dapat masuk sampai jendela berlalu.",
  } satisfies Definition<number>,
  "auth.maxFailuresPerAddress": {
    schema: minutes(5, 1000),
    default: 50,
    group: "Keamanan masuk",
    label: "Percobaan gagal per alamat IP",
    help: "Satu kantor sering keluar melalui satu alamat; jangan terlalu kecil.",
  } satisfies Definition<number>,
  "auth.failureWindowMinutes": {
    schema: minutes(1, 1440),
    default: 15,
    group: "Keamanan masuk",
    label: "Jendela waktu percobaan gagal (menit)",
    help: "Percobaan gagal yang lebih lama dari ini tidak dihitung lagi.",
  } satisfies Definition<number>,
  "http.trustProxy": {
    schema: z.boolean(),
    default: false,
    group: "Jaringan",
    label: "Percayai header X-Forwarded-* dari reverse proxy",
    help: "Aktifkan hanya bila Mutu berjalan di belakang reverse proxy (nginx, load balancer) yang menimpa header itu.",
  } satisfies Definition<boolean>,
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type Settings = { [K in SettingKey]: (typeof SETTINGS)[K]["default"] extends boolean ? boolean : number };
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

export function defaultSettings(): Settings {
  return Object.fromEntries(SETTING_KEYS.map((k) => [k, SETTINGS[k].default])) as Settings;
}
