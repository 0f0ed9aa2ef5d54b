import { describe, expect, it } from "vitest";
import commonList from "./common-passwords.json";
import { hashPassword, isCommonPassword, passwordProblem, verifyPassword } from "./passwords";

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

describe("the common-password list shipped in the repo", () => {
  it("holds the 10,000 most frequent leaked passwords and the Indonesian and local ones", () => {
    expect(commonList.common.length).toBeGreaterThanOrEqual(10_000);
    expect(commonList.common.slice(0, 3)).toEqual(["123456", "password", "12345678"]);
    for (const word of [
      "bismillah",
      "indonesia",
      "rahasia",
      "sayang",
      "bangsat",
      "beacukai",
      "mutu",
      "mutu-demo-2026",
    ]) {
      expect(commonList.local).toContain(word);
    }
  });

  it.each([
    ["password1234", "as listed"],
    ["Bismillah2026!", "a listed word with a year and a symbol"],
    ["P@ssw0rd2026", "character swaps"],
    ["sayang 123456", "a listed word with digits after a space"],
    ["INDONESIA1945", "upper case"],
    ["Indonesia_Raya_1945", "listed words joined by underscores"],
    ["mutu-demo-2026", "the published demo password"],
    ["beacukai1500225", "the contact center's name and number"],
    ["qwertyuiop12", "a keyboard walk"],
    ["!!rahasia!!2026", "symbols around a listed word"],
  ])("refuses %s (%s)", (password) => {
    expect(isCommonPassword(password)).toBe(true);
    expect(passwordProblem(password, "budi")).toMatch(/paling sering dipakai/);
  });

  it.each(["kopi-tubruk-pagi", "dragon-kopi-2026", "correct horse battery staple", "Hujan Turun di Rawamangun 7"])(
    "accepts %s (not one common word dressed up)",
    (password) => {
      expect(isCommonPassword(password)).toBe(false);
      expect(passwordProblem(password, "budi")).toBeNull();
    },
  );
});

describe("what a password may not contain", () => {
  const owner = { username: "siti.rahma", names: ["Siti Rahmawati", null], nip: "198507152010122003" };

  it("the person's names of four letters or more", () => {
    expect(passwordProblem("rahmawati-kopi-pagi", owner)).toBe("Kata sandi tidak boleh memuat nama Anda.");
    expect(passwordProblem("Kopi-SITI-tubruk", owner)).toBe("Kata sandi tidak boleh memuat nama Anda.");
  });

  it("the NIP or the birth date it starts with, with or without spaces", () => {
    const message = "Kata sandi tidak boleh memuat NIP atau tanggal lahir.";
    expect(passwordProblem("kopi-19850715", owner)).toBe(message);
    expect(passwordProblem("kopi 1985 07 15 pagi", owner)).toBe(message);
    expect(passwordProblem("x 19850715 201012 2 003", owner)).toBe(message);
  });

  it("only digits, or a short pattern repeated", () => {
    expect(passwordProblem("08123456789", "budi")).toMatch(/hanya berupa angka/);
    expect(passwordProblem("abcabcabcabc", "budi")).toMatch(/pola pendek yang diulang/);
    expect(passwordProblem("kopi-kopi-kopi-", "budi")).toMatch(/pola pendek yang diulang/);
  });
});
