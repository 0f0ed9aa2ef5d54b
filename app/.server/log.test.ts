import { describe, expect, it } from "vitest";
import { describeError } from "./log";

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

  it("hide a NIP written with spaces", () => {
    expect(describeError(new Error("NIP 19800101 200604 1 001 salah"))).toContain("NIP [NIP] salah");
  });
});
