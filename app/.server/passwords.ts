// Password hashing and the rules a new password must meet. @node-rs/argon2's defaults are argon2id with
// m=19 MiB, t=2, p=1, OWASP's recommended minimum (a test checks the hash says argon2id).
import { hash, verify } from "@node-rs/argon2";
// The list of common passwords shipped with Mutu: its "about" says where each part comes from.
import commonList from "./common-passwords.json";

export const PASSWORD_MIN_LENGTH = 10;
// argon2 takes any length, but an enormous "password" is a cheap way to make the server work hard.
export const PASSWORD_MAX_LENGTH = 200;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verified against when the username does not exist, so that a wrong username takes as long as a wrong
// password and response times do not reveal which usernames exist.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (password.length > PASSWORD_MAX_LENGTH) return false;
  if (!passwordHash) {
    dummyHash ??= hashPassword("mutu-dummy-password");
    await verify(await dummyHash, password);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}

/** What the system knows about the person whose password it is, none of which may be in the password. */
export type PasswordOwner = {
  username: string;
  /** Display name and staff name: each word of 4 letters or more. */
  names?: (string | null | undefined)[];
  /** The NIP of the linked staff record: neither it nor the birth date it starts with. */
  nip?: string | null;
};

// Character swaps people make to dress up a common word ("p@ssw0rd").
const LEET: Record<string, string> = {
  "@": "a",
  "4": "a",
  "3": "e",
  "1": "i",
  "!": "i",
  "0": "o",
  $: "s",
  "5": "s",
  "7": "t",
};
const deleet = (text: string) => text.replace(/[@43!10$57]/g, (c) => LEET[c] ?? c);
const edgesTrimmed = (text: string) => text.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set([...commonList.local, ...commonList.common]);
  return common;
}

/**
 * Whether a password is on the shipped list of common passwords, as typed or once what is around or between
 * common words is taken away: "Bismillah2026!", "p@ssw0rd123", "sayang 2026" and "Indonesia_Raya_1945" count
 * as "bismillah", "password", "sayang" and "indonesiaraya". In lower case.
 */
export function isCommonPassword(password: string): boolean {
  const list = commonPasswords();
  const lower = password.toLowerCase();
  const lettersOnly = (text: string) => text.replace(/[^\p{L}]+/gu, "");
  const candidates = [
    lower,
    lower.replace(/\s+/g, ""),
    edgesTrimmed(lower),
    deleet(edgesTrimmed(lower)),
    edgesTrimmed(deleet(lower)),
    lettersOnly(lower),
    lettersOnly(deleet(edgesTrimmed(lower))),
  ];
  return candidates.some((c) => c.length >= 3 && list.has(c));
}

/** Null when acceptable, otherwise an Indonesian sentence that says what to change. */
export function passwordProblem(password: string, owner: PasswordOwner | string): string | null {
  const { username, names = [], nip } = typeof owner === "string" ? { username: owner } : owner;
  if (password.length < PASSWORD_MIN_LENGTH) {
    return `Kata sandi minimal ${PASSWORD_MIN_LENGTH} karakter.`;
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return `Kata sandi maksimal ${PASSWORD_MAX_LENGTH} karakter.`;
  }
  const lower = password.toLowerCase();
  if (username && lower.includes(username.toLowerCase())) {
    return "Kata sandi tidak boleh memuat nama pengguna.";
  }
  const nameWords = names.flatMap((n) => (n ?? "").toLowerCase().split(/[^\p{L}]+/u)).filter((w) => w.length >= 4);
  if (nameWords.some((w) => lower.includes(w))) {
    return "Kata sandi tidak boleh memuat nama Anda.";
  }
  const digits = password.replace(/\D/g, "");
  if (nip && (digits.includes(nip) || digits.includes(nip.slice(0, 8)))) {
    return "Kata sandi tidak boleh memuat NIP atau tanggal lahir.";
  }
  if (/^(.)\1*$/.test(password)) {
    return "Kata sandi tidak boleh berupa satu karakter yang diulang.";
  }
  if (/^(.{2,5})\1+$/.test(lower)) {
    return "Kata sandi tidak boleh berupa pola pendek yang diulang.";
  }
  if (/^[\d\s.-]+$/.test(password)) {
    return "Kata sandi tidak boleh hanya berupa angka: angka panjang biasanya NIP, tanggal lahir atau nomor telepon.";
  }
  if (isCommonPassword(password)) {
    return "Kata sandi ini termasuk yang paling sering dipakai dan mudah ditebak. Pilih yang lain, misalnya tiga atau empat kata acak.";
  }
  return null;
}
