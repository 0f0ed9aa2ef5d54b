// Pure: the fixed vocabulary of the contact center (regulation KEP-165/BC/2014) and of civil-service ranks.
// These are national or regulatory lists, not settings: they change only with a new regulation.

/** The three Tim Kerja of the contact center. */
export const TEAMS = [
  { code: "layanan_informasi", name: "Tim Kerja Layanan Informasi dan Pengaduan" },
  { code: "manajemen_layanan", name: "Tim Kerja Manajemen Layanan" },
  { code: "penjamin_kualitas", name: "Tim Kerja Penjamin Kualitas Layanan" },
] as const;
export type TeamCode = (typeof TEAMS)[number]["code"];

/** Positions inside the contact center (jabatan dalam contact center). */
export const POSITIONS = [
  { code: "koordinator_tim_kerja", label: "Koordinator Tim Kerja (Supervisor)" },
  // The regulation itself names the first "Koordinator Tim Kerja (Supervisor)"; the others are Indonesian only.
  { code: "ketua_tim", label: "Ketua Tim" },
  { code: "petugas_layanan", label: "Petugas Layanan" },
  { code: "penilai", label: "Penilai" },
] as const;
export type PositionCode = (typeof POSITIONS)[number]["code"];
export const POSITION_CODES = POSITIONS.map((p) => p.code) as [PositionCode, ...PositionCode[]];

/** Civil-service rank and grade (pangkat/golongan) that contact-center staff hold. */
export const GOLONGAN = [
  { code: "II/a", pangkat: "Pengatur Muda" },
  { code: "II/b", pangkat: "Pengatur Muda Tingkat I" },
  { code: "II/c", pangkat: "Pengatur" },
  { code: "II/d", pangkat: "Pengatur Tingkat I" },
  { code: "III/a", pangkat: "Penata Muda" },
  { code: "III/b", pangkat: "Penata Muda Tingkat I" },
  { code: "III/c", pangkat: "Penata" },
  { code: "III/d", pangkat: "Penata Tingkat I" },
  { code: "IV/a", pangkat: "Pembina" },
  { code: "IV/b", pangkat: "Pembina Tingkat I" },
] as const;
export type GolonganCode = (typeof GOLONGAN)[number]["code"];
export const GOLONGAN_CODES = GOLONGAN.map((g) => g.code) as [GolonganCode, ...GolonganCode[]];

/** 'Penata Muda III/a' for 'III/a'; the code itself when it is not in the list. */
export function pangkatLabel(code: string): string {
  const g = GOLONGAN.find((x) => x.code === code);
  return g ? `${g.pangkat} ${g.code}` : code;
}

export function positionLabel(code: string): string {
  return POSITIONS.find((p) => p.code === code)?.label ?? code;
}

/** Communication channels (Saluran Komunikasi) of the service. */
export const CHANNELS = [
  { code: "telepon", label: "Telepon (021) 1500225", short: "Telepon" },
  { code: "sms", label: "SMS 081-1500225", short: "SMS" },
  { code: "email", label: "Surel info@customs.go.id", short: "Surel" },
  { code: "webchat", label: "Web-chat www.beacukai.go.id", short: "Web-chat" },
  { code: "media_sosial", label: "Media sosial (Facebook/Twitter beacukaiRI)", short: "Media sosial" },
] as const;
export type ChannelCode = (typeof CHANNELS)[number]["code"];

// The kinds of written report the teams file to the Kepala Seksi (regulation 3.1–3.3), one per team.
/** A channel's short name ('Telepon', 'Surel') for its code; an unknown code as it is. */
export const channelShortName = (code: string): string => CHANNELS.find((c) => c.code === code)?.short ?? code;

export const REPORT_KINDS = [
  { code: "layanan_informasi", label: "Layanan informasi dan pengaduan" },
  { code: "manajemen_layanan", label: "Manajemen layanan" },
  { code: "penjamin_kualitas", label: "Penjamin kualitas" },
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number]["code"];
export const reportKindLabel = (code: string) => REPORT_KINDS.find((k) => k.code === code)?.label ?? code;
