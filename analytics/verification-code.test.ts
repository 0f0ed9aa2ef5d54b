import { describe, expect, it } from "vitest";
import {
  formatVerificationCode,
  normalizeVerificationCode,
  VERIFICATION_ALPHABET,
  verificationCode,
} from "./verification-code";

describe("certificate verification codes", () => {
  it("ten characters of the 31-letter alphabet, each drawn from the random source", () => {
    let i = 0;
    const code = verificationCode((n) => i++ % n);
    expect(code).toBe(VERIFICATION_ALPHABET.slice(0, 10));
    expect(VERIFICATION_ALPHABET).toHaveLength(31);
    expect(VERIFICATION_ALPHABET).not.toMatch(/[01ILO]/);
  });

  it("printed as 5 + 5 with a dash; read back in any case, with or without the dash or spaces", () => {
    expect(formatVerificationCode("ABCDE23456")).toBe("ABCDE-23456");
    expect(normalizeVerificationCode("abcde-23456")).toBe("ABCDE23456");
    expect(normalizeVerificationCode(" ABC DE 234 56 ")).toBe("ABCDE23456");
  });

  it("too short, too long, or with a character never issued (0, 1, I, L, O, punctuation): not a code", () => {
    for (const bad of ["ABCDE2345", "ABCDE234567", "ABCDE2345O", "ABCDE23451", "ABCDE/2345", ""]) {
      expect(normalizeVerificationCode(bad)).toBeNull();
    }
  });
});
