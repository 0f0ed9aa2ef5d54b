// Password hashing and the rules a new password must meet. @node-rs/argon2's defaults are argon2id with
// m=19 MiB, t=2, p=1, OWASP's recommended minimum (a test checks the hash says argon2id).
import { hash, verify } from "@node-rs/argon2";

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

/** Null when acceptable, otherwise an Indonesian sentence that says what to change. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return `Kata sandi minimal ${PASSWORD_MIN_LENGTH} karakter.`;
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return `Kata sandi maksimal ${PASSWORD_MAX_LENGTH} karakter.`;
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) {
    return "Kata sandi tidak boleh memuat nama pengguna.";
  }
  if (/^(.)\1*$/.test(password)) {
    return "Kata sandi tidak boleh berupa satu karakter yang diulang.";
  }
  return null;
}
