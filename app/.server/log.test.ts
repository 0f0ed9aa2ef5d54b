import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeError, errorLine, requestLine } from "./log";

describe("server error log lines", () => {
  it("hide query parameters, NIPs and birth dates", () => {
    const error = new Error(
      'Failed query: insert into "staff" ("nip", "birth_date") values ($1, $2)\nparams: 198001012006041001,1980-01-01',
    );
    const cause = Object.assign(new Error("Key (nip)=(198001012006041001) already exists."), { code: "23505" });
    const line = describeError(Object.assign(error, { cause }));
    expect(line).not.toContain("198001012006041001");
    expect(line).not.toContain("1980-01-01");
    expect(line).toContain("params: [disembunyikan]");
    expect(line).toContain("kode 23505");
  });

  it("never repeat the parameters through the stack, nor quoted values, names, places, dates or a raw NUL", () => {
    // Shaped as Drizzle and the drivers make them: the stack starts with the whole message, parameters included.
    const message =
      "Failed query: insert into staff (full_name, birth_place) values ($1, $2)\nparams: Budi\u0000 Santoso,Tangerang";
    const error = new Error(message);
    error.stack = `Error: ${message}\n    at PglitePreparedQuery.queryWithCache (session.ts:73:11)\n    at async saveStaff (staff.ts:10:3)`;
    const cause = Object.assign(new Error('invalid input syntax for type date: "1992-08-04 Tangerang"'), {
      code: "22007",
    });
    const line = errorLine("POST /staf/baru", Object.assign(error, { cause }));
    for (const secret of ["Budi", "Santoso", "Tangerang", "1992-08-04", "\u0000"]) expect(line).not.toContain(secret);
    expect(line).toContain("at PglitePreparedQuery.queryWithCache");
    expect(line).toContain('for type date: "[disembunyikan]" (kode 22007)');
    expect(line.split("\n")).toHaveLength(4); // the error, its cause, two frames
  });

  it("keep the names PostgreSQL quotes that are not values", () => {
    const error = new Error('duplicate key value violates unique constraint "staff_nip_unique"');
    expect(describeError(error)).toContain('constraint "staff_nip_unique"');
    expect(describeError(new Error('invalid byte sequence for encoding "UTF8": 0x00'))).toContain('encoding "UTF8"');
  });

  it("describe a thrown response or route error by its status, not as [object Object] and not by its data", () => {
    class ErrorResponseImpl {
      constructor(
        readonly status: number,
        readonly data: unknown,
      ) {}
    }
    const line = describeError(new ErrorResponseImpl(403, { message: "Budi Santoso" }));
    expect(line).toBe("ErrorResponseImpl (status 403)");
  });

  it("hide a NIP written with spaces", () => {
    expect(describeError(new Error("NIP 19800101 200604 1 001 salah"))).toContain("NIP [NIP] salah");
  });
});

describe("access log lines", () => {
  const NIP = "198001012006041001";

  it("never carry the query string, where a search or filter could put a NIP", () => {
    const line = requestLine("GET", `/staf?q=${NIP}&status=aktif`, 200, 12.4);
    expect(line).toBe("GET /staf?… 200 12 ms");
    expect(line).not.toContain(NIP);
  });

  it("hide an 18-digit number or a birth date in the path, however it is written", () => {
    for (const path of [
      `/staf/${NIP}`,
      "/staf/19800101%20200604%201%20001",
      "/staf/19800101 200604 1 001",
      "/x/1980-01-01",
      "/x/19800101",
    ]) {
      const line = requestLine("POST", path, 404, 1);
      expect(line).not.toMatch(/\d{8}/);
      expect(line).not.toContain("1980-01-01");
      expect(line).not.toContain("200604");
      expect(line).toContain("[angka]");
    }
  });

  it("keep short ids and periods readable, and cannot be split into forged lines", () => {
    expect(requestLine("POST", "/evaluasi/1234/ubah", 429, 3)).toBe("POST /evaluasi/1234/ubah 429 3 ms");
    expect(requestLine("GET", "/kpi.data", 200, 3)).toBe("GET /kpi.data 200 3 ms");
    expect(requestLine("GET", "/a%0A[mutu] palsu", 404, 1)).toBe("GET /a?[mutu] palsu 404 1 ms");
  });
});

describe("error reports", () => {
  it("of a form that failed validation carry the field names, never the values typed", () => {
    const form = { q: "198001012006041001 rahasia-saya", birthDate: "19800101" };
    const parsed = z.object({ q: z.string().max(3), birthDate: z.number() }).safeParse(form);
    const line = errorLine("POST /staf", parsed.error);
    expect(line).toContain('"q"');
    expect(line).not.toContain("198001012006041001");
    expect(line).not.toContain("rahasia-saya");
    expect(line).not.toContain("19800101");
  });

  it("name the request's path redacted, never a form value", () => {
    const NIP = "198507152010122003";
    const line = errorLine(`POST /staf/${NIP}`, new Error(`Failed query: update staff set nip = $1\nparams: ${NIP}`));
    expect(line).not.toContain(NIP);
    expect(line).toContain("POST /staf/[NIP]: Error: Failed query");
    expect(line).toContain("params: [disembunyikan]");
  });
});
