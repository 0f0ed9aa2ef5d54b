// Pure: the short code that verifies a certificate without signing in (/verifikasi/<code>). Ten characters
// from 31 letters and digits that cannot be mistaken for one another when read aloud or typed from paper
// (no 0/O, 1/I/L): 31^10 ≈ 8 × 10^14 codes, so guessing one under the page's rate limit is hopeless.
export const VERIFICATION_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const VERIFICATION_LENGTH = 10;

/** A new code from a source of random integers in [0, n) (node:crypto's randomInt on the server). */
export function verificationCode(randomBelow: (n: number) => number): string {
  let code = "";
  for (let i = 0; i < VERIFICATION_LENGTH; i++)
    code += VERIFICATION_ALPHABET[randomBelow(VERIFICATION_ALPHABET.length)];
  return code;
}

/** 'ABCDE-FGH23' for 'ABCDEFGH23': how the code is printed and shown. */
export const formatVerificationCode = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;

/**
 * The code as stored, from what a person typed (any case, with or without the dash or spaces); null when it
 * cannot be a code at all.
 */
export function normalizeVerificationCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, "");
  if (code.length !== VERIFICATION_LENGTH) return null;
  return [...code].every((ch) => VERIFICATION_ALPHABET.includes(ch)) ? code : null;
}
