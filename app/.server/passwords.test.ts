import { describe, expect, it } from "vitest";
import { hashPassword, passwordProblem, verifyPassword } from "./passwords";

describe("passwords", () => {
  it("are hashed with argon2id and verified", async () => {
    const hash = await hashPassword("kata-sandi-panjang");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, "kata-sandi-panjang")).toBe(true);
    expect(await verifyPassword(hash, "kata-sandi-lain")).toBe(false);
    expect(await verifyPassword(null, "apa saja")).toBe(false);
    expect(await verifyPassword("bukan-hash", "apa saja")).toBe(false);
  });

  it("must be 10–200 characters, not contain the username and not be one repeated character", () => {
    expect(passwordProblem("pendek", "budi")).toBe("Kata sandi minimal 10 karakter.");
    expect(passwordProblem("x".repeat(201), "budi")).toBe("Kata sandi maksimal 200 karakter.");
    expect(passwordProblem("halo-Budi-2026", "budi")).toBe("Kata sandi tidak boleh memuat nama pengguna.");
    expect(passwordProblem("aaaaaaaaaaaa", "budi")).toMatch(/diulang/);
    expect(passwordProblem("kopi-tubruk-pagi", "budi")).toBeNull();
  });
});
