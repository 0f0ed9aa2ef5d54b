import { describe, expect, it } from "vitest";
import { formatNip, parseNip } from "./nip";

describe("parseNip accepts", () => {
  it("198001012006041001 → born 1980-01-01, appointed 2006-04, male, sequence 1", () => {
    expect(parseNip("198001012006041001")).toEqual({
      ok: true,
      value: { nip: "198001012006041001", birthDate: "1980-01-01", appointment: "2006-04", gender: "L", sequence: 1 },
    });
  });

  it("the printed form with spaces '19920229 201503 2 999' → leap-day birth, female, sequence 999", () => {
    const r = parseNip(" 19920229 201503 2 999 ");
    expect(r).toEqual({
      ok: true,
      value: { nip: "199202292015032999", birthDate: "1992-02-29", appointment: "2015-03", gender: "P", sequence: 999 },
    });
  });

  it("tabs and non-breaking spaces are removed too", () => {
    const r = parseNip("19850715\t201012\u00a01\u00a0023");
    expect(r.ok && r.value.nip).toBe("198507152010121023");
  });
});

describe("parseNip refuses, with an Indonesian message that says what to fix", () => {
  const error = (input: string) => {
    const r = parseNip(input);
    if (r.ok) throw new Error(`expected ${input} to be refused`);
    return r.error;
  };

  it("an empty value", () => {
    expect(error("")).toMatch(/NIP wajib diisi/);
    expect(error("   ")).toMatch(/NIP wajib diisi/);
  });

  it.each(["1.98001E+17", "1,98001E+17", "1.98001e17", "1.980010120E+17"])(
    "%s: a NIP that Excel turned into a number, with a message that says Excel did it",
    (input) => {
      expect(error(input)).toMatch(/Excel/);
      expect(error(input)).toMatch(/Teks/);
    },
  );

  it("17 or 19 digits: says how many were given", () => {
    expect(error("19800101200604100")).toMatch(/18 digit.*17 digit/);
    expect(error("1980010120060410011")).toMatch(/18 digit.*19 digit/);
  });

  it("letters or punctuation", () => {
    expect(error("19800101-200604-1-001")).toMatch(/hanya boleh berisi angka/);
    expect(error("19800101200604100O")).toMatch(/hanya boleh berisi angka/);
  });

  it("a birth date that is not on the calendar: 1981-02-29, 1980-13-01, 1980-04-31, 1980-01-00", () => {
    expect(error("198102292006041001")).toMatch(/tanggal lahir.*19810229/);
    expect(error("198013012006041001")).toMatch(/tanggal lahir/);
    expect(error("198004312006041001")).toMatch(/tanggal lahir/);
    expect(error("198001002006041001")).toMatch(/tanggal lahir/);
  });

  it("appointment month 00 or 13", () => {
    expect(error("198001012006001001")).toMatch(/bulan 00/);
    expect(error("198001012006131001")).toMatch(/bulan 13/);
  });

  it("gender digit other than 1 or 2", () => {
    expect(error("198001012006043001")).toMatch(/jenis kelamin.*bukan 3/);
    expect(error("198001012006040001")).toMatch(/jenis kelamin.*bukan 0/);
  });

  it("sequence 000, with a hint that Excel may have rounded the last digits", () => {
    expect(error("198001012006041000")).toMatch(/nomor urut.*000.*Excel/);
  });
});

describe("formatNip", () => {
  it("groups 18 digits as printed on documents", () => {
    expect(formatNip("198001012006041001")).toBe("19800101 200604 1 001");
  });
});
