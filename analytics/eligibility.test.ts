import { describe, expect, it } from "vitest";
import { type CapabilityEvidence, eligibility, REGULATION_RULES, type TrainingEvidence } from "./eligibility";

// A center's stricter policy: a failed course does not count and a course's validity expires.
const LOCAL = { failedCounts: false, validityExpires: true };

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
      rules: LOCAL,
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

  it("local policy: SSK-01 ended 20 Jun 2022 + 36 months' validity = expired on 20 Jun 2025: missing, and says so", () => {
    const r = eligibility({
      role: "petugas_layanan",
      trainings: [tli(), ssk({ endDate: "2022-06-20" })],
      decisions: [capable()],
      asOf: "2026-11-29",
      rules: LOCAL,
    });
    expect(r.eligible).toBe(false);
    expect(r.requirements[1]?.missing).toBe(
      "SSK-01 selesai 20 Jun 2022, kedaluwarsa sejak 20 Jun 2025 (kebijakan lokal); perlu mengikuti lagi.",
    );
  });

  it("the regulation (default): the same SSK-01 of 20 Jun 2022 still counts, without an end date", () => {
    const r = eligibility({
      role: "petugas_layanan",
      trainings: [tli(), ssk({ endDate: "2022-06-20" })],
      decisions: [capable()],
      asOf: "2026-11-29",
    });
    expect(r.eligible).toBe(true);
    expect(r.requirements[1]?.evidence).toBe("SSK-01 Pelatihan Soft Skills Komunikasi, selesai 20 Jun 2022");
  });

  it("the regulation (default): a failed course was attended (mengikuti), so it counts and says so", () => {
    const r = eligibility({
      role: "petugas_layanan",
      trainings: [tli({ status: "tidak_lulus" }), ssk()],
      decisions: [capable()],
      asOf: "2026-11-29",
      rules: REGULATION_RULES,
    });
    expect(r.eligible).toBe(true);
    expect(r.requirements[0]?.evidence).toMatch(/diikuti \(tidak lulus\) 14 Mar 2025/);
  });

  it("local policy: a failed training does not count and the message says it was failed", () => {
    const r = eligibility({
      role: "petugas_layanan",
      trainings: [tli({ status: "tidak_lulus" }), ssk()],
      decisions: [capable()],
      asOf: "2026-11-29",
      rules: LOCAL,
    });
    expect(r.requirements[0]?.missing).toMatch(/tidak lulus; menurut kebijakan lokal/);
  });

  it("the capability requirement names the decider recorded, or the Direktur PPKC while none is", () => {
    const recorded = eligibility({
      role: "petugas_layanan",
      trainings: [],
      decisions: [capable({ decidedBy: "Plh. Direktur PPKC" })],
      asOf: "2026-11-29",
    });
    expect(recorded.requirements[2]?.label).toBe("Dianggap mampu oleh Plh. Direktur PPKC");
    const none = eligibility({ role: "petugas_layanan", trainings: [], decisions: [], asOf: "2026-11-29" });
    expect(none.requirements[2]?.label).toBe("Dianggap mampu oleh Direktur PPKC");
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
