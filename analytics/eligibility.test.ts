import { describe, expect, it } from "vitest";
import { type CapabilityEvidence, eligibility, type TrainingEvidence } from "./eligibility";

const tli = (over: Partial<TrainingEvidence> = {}): TrainingEvidence => ({
  id: 1,
  courseCode: "TLI-01",
  courseName: "Diklat Teknis Layanan Informasi",
  category: "teknis_layanan_informasi",
  endDate: "2025-03-14",
  status: "lulus",
  validityMonths: null,
  ...over,
});
const ssk = (over: Partial<TrainingEvidence> = {}): TrainingEvidence => ({
  id: 2,
  courseCode: "SSK-01",
  courseName: "Pelatihan Soft Skills Komunikasi",
  category: "soft_skills_komunikasi",
  endDate: "2025-06-20",
  status: "selesai",
  validityMonths: 36,
  ...over,
});
const capable = (over: Partial<CapabilityEvidence> = {}): CapabilityEvidence => ({
  id: 7,
  role: "petugas_layanan",
  letterNumber: "ND-123/BC.02/2026",
  letterDate: "2026-02-02",
  decidedBy: "Direktur PPKC",
  withdrawn: false,
  ...over,
});

describe("eligibility", () => {
  it("both trainings and a decision for the role: eligible, with the evidence of each requirement", () => {
    const r = eligibility({
      role: "petugas_layanan",
      trainings: [tli(), ssk()],
      decisions: [capable()],
      asOf: "2026-11-29",
    });
    expect(r.eligible).toBe(true);
    expect(r.requirements.map((q) => [q.key, q.met, q.sourceId])).toEqual([
      ["teknis", true, 1],
      ["soft_skills", true, 2],
      ["mampu", true, 7],
    ]);
    expect(r.requirements[1]?.evidence).toContain("berlaku sampai 20 Jun 2028");
  });

  it("a decision for another role, or a withdrawn one, does not count", () => {
    expect(
      eligibility({ role: "ketua_tim", trainings: [tli(), ssk()], decisions: [capable()], asOf: "2026-11-29" })
        .eligible,
    ).toBe(false);
    const withdrawn = eligibility({
      role: "petugas_layanan",
      trainings: [tli(), ssk()],
      decisions: [capable({ withdrawn: true })],
      asOf: "2026-11-29",
    });
    expect(withdrawn.requirements[2]?.missing).toMatch(/Belum ada keputusan/);
  });

  it("SSK-01 ended 20 Jun 2022 with 36 months' validity expired on 20 Jun 2025: missing, and says so", () => {
    const r = eligibility({
      role: "petugas_layanan",
      trainings: [tli(), ssk({ endDate: "2022-06-20" })],
      decisions: [capable()],
      asOf: "2026-11-29",
    });
    expect(r.eligible).toBe(false);
    expect(r.requirements[1]?.missing).toBe(
      "SSK-01 selesai 20 Jun 2022, kedaluwarsa sejak 20 Jun 2025; perlu mengikuti lagi.",
    );
  });

  it("a failed training does not count and the message says it was failed", () => {
    const r = eligibility({
      role: "petugas_layanan",
      trainings: [tli({ status: "tidak_lulus" }), ssk()],
      decisions: [capable()],
      asOf: "2026-11-29",
    });
    expect(r.requirements[0]?.missing).toMatch(/tidak lulus/);
  });

  it("judged on a date: a training or decision after that date does not count yet", () => {
    const r = eligibility({
      role: "petugas_layanan",
      trainings: [tli(), ssk()],
      decisions: [capable()],
      asOf: "2026-01-31",
    });
    expect(r.requirements[2]?.met).toBe(false);
  });

  it("nothing at all: three requirements missing", () => {
    const r = eligibility({ role: "supervisor", trainings: [], decisions: [], asOf: "2026-11-29" });
    expect(r.requirements.filter((q) => !q.met)).toHaveLength(3);
  });
});
