import { describe, expect, it } from "vitest";
import { lastScoredPeriod, trainingNeeds } from "./training-needs";

// The demo catalogue's shape: one technical course, one soft-skills course, three refreshers, one other.
const COURSES = [
  {
    id: 1,
    code: "TLI-01",
    name: "Diklat Teknis Layanan Informasi",
    category: "teknis_layanan_informasi",
    refreshMonths: null,
  },
  { id: 2, code: "SSK-01", name: "Soft Skills Komunikasi", category: "soft_skills_komunikasi", refreshMonths: null },
  { id: 3, code: "PYG-01", name: "Penyegaran Kepabeanan", category: "penyegaran", refreshMonths: 12 },
  { id: 4, code: "PYG-03", name: "Penyegaran Standar Layanan", category: "penyegaran", refreshMonths: 6 },
  { id: 5, code: "PP-01", name: "Pelayanan Prima", category: "lainnya", refreshMonths: null },
];
const TODAY = "2026-12-04";
const needs = (
  scores: Partial<Record<"hardskill" | "softskill" | "kedisiplinan", number | null>>,
  records: { courseId: number; endDate: string; status: string }[] = [],
  thresholdPoints = 61,
) =>
  trainingNeeds({
    scores: { hardskill: null, softskill: null, kedisiplinan: null, ...scores },
    thresholdPoints,
    courses: COURSES,
    records,
    today: TODAY,
  });

describe("which dimensions are weak", () => {
  it("hardskill 56,10 < 61 → a need; softskill 61,00 is not below 61; kedisiplinan 82,50 is not", () => {
    const found = needs({ hardskill: 56.1, softskill: 61, kedisiplinan: 82.5 });
    expect(found.map((n) => [n.dimension, n.score, n.thresholdPoints])).toEqual([["hardskill", 56.1, 61]]);
  });

  it("a dimension without a score is no weakness (never counted as 0): hardskill null, softskill null → none", () => {
    expect(needs({ hardskill: null, softskill: null, kedisiplinan: 90 })).toEqual([]);
  });

  it("60,99 < 61 is below; with the threshold set to 50, 56,10 is not", () => {
    expect(needs({ softskill: 60.99 }).map((n) => n.dimension)).toEqual(["softskill"]);
    expect(needs({ hardskill: 56.1 }, [], 50)).toEqual([]);
  });

  it("all three below, in the order hardskill, softskill, kedisiplinan, each to its category", () => {
    const found = needs({ kedisiplinan: 40, softskill: 45, hardskill: 50 });
    expect(found.map((n) => [n.dimension, n.category])).toEqual([
      ["hardskill", "teknis_layanan_informasi"],
      ["softskill", "soft_skills_komunikasi"],
      ["kedisiplinan", "penyegaran"],
    ]);
  });
});

describe("which courses are suggested", () => {
  it("hardskill 56 < 61, TLI-01 never had → TLI-01 suggested with no last record; PP-01 (lainnya) never", () => {
    const [need] = needs({ hardskill: 56 });
    expect(need?.suggested).toEqual([{ id: 1, code: "TLI-01", name: COURSES[0]?.name, last: null }]);
    expect(need?.recent).toEqual([]);
  });

  it("TLI-01 passed 2026-01-10, within 12 months of 4 Dec 2026 (since 2025-12-04) → not suggested, listed as recent", () => {
    const [need] = needs({ hardskill: 56 }, [{ courseId: 1, endDate: "2026-01-10", status: "lulus" }]);
    expect(need?.suggested).toEqual([]);
    expect(need?.recent).toEqual([{ id: 1, code: "TLI-01", name: COURSES[0]?.name, endDate: "2026-01-10" }]);
  });

  it("TLI-01 ended 2025-12-04, exactly 12 months before 4 Dec 2026 → still recent; ended 2025-12-03 → suggested", () => {
    expect(needs({ hardskill: 56 }, [{ courseId: 1, endDate: "2025-12-04", status: "lulus" }])[0]?.suggested).toEqual(
      [],
    );
    const [need] = needs({ hardskill: 56 }, [{ courseId: 1, endDate: "2025-12-03", status: "lulus" }]);
    expect(need?.suggested.map((c) => [c.code, c.last])).toEqual([
      ["TLI-01", { endDate: "2025-12-03", status: "lulus" }],
    ]);
  });

  it("TLI-01 failed 2026-09-01 (tidak lulus) counts not as had → suggested, its last record the failed one", () => {
    const [need] = needs({ hardskill: 56 }, [
      { courseId: 1, endDate: "2023-02-01", status: "lulus" },
      { courseId: 1, endDate: "2026-09-01", status: "tidak_lulus" },
    ]);
    expect(need?.suggested.map((c) => [c.code, c.last])).toEqual([
      ["TLI-01", { endDate: "2026-09-01", status: "tidak_lulus" }],
    ]);
  });

  it("a refresher counts for its own interval: PYG-03 every 6 months, ended 2026-06-03 < 2026-06-04 → suggested; PYG-01 every 12, ended 2026-01-05 → recent", () => {
    const [need] = needs({ kedisiplinan: 50 }, [
      { courseId: 3, endDate: "2026-01-05", status: "selesai" },
      { courseId: 4, endDate: "2026-06-03", status: "selesai" },
    ]);
    expect(need?.suggested.map((c) => c.code)).toEqual(["PYG-03"]);
    expect(need?.recent.map((c) => [c.code, c.endDate])).toEqual([["PYG-01", "2026-01-05"]]);
  });

  it("a record ending after today (a course under way) counts as had: PYG-03 ending 2026-12-20 → not suggested", () => {
    const [need] = needs({ kedisiplinan: 50 }, [{ courseId: 4, endDate: "2026-12-20", status: "selesai" }]);
    expect(need?.suggested.map((c) => c.code)).toEqual(["PYG-01"]);
  });

  it("every course of the category had recently → nothing suggested, the recent ones say why", () => {
    const [need] = needs({ softskill: 45 }, [{ courseId: 2, endDate: "2026-08-21", status: "selesai" }]);
    expect(need?.suggested).toEqual([]);
    expect(need?.recent.map((c) => c.code)).toEqual(["SSK-01"]);
  });

  it("a category without an active course in the catalogue → the need stands with nothing suggested or recent", () => {
    const found = trainingNeeds({
      scores: { hardskill: 40, softskill: null, kedisiplinan: null },
      thresholdPoints: 61,
      courses: COURSES.filter((c) => c.category !== "teknis_layanan_informasi"),
      records: [],
      today: TODAY,
    });
    expect(found).toEqual([
      {
        dimension: "hardskill",
        score: 40,
        thresholdPoints: 61,
        category: "teknis_layanan_informasi",
        suggested: [],
        recent: [],
      },
    ]);
  });
});

describe("the period judged", () => {
  const period = (id: string, hardskill: number | null, kedisiplinan: number | null = null) => ({
    id,
    dimensions: { hardskill, softskill: null, kedisiplinan },
  });

  it("newest first: 2026-10 without any score, 2026-09 with hardskill 58 → 2026-09", () => {
    expect(lastScoredPeriod([period("2026-10", null), period("2026-09", 58), period("2026-08", 70)])?.id).toBe(
      "2026-09",
    );
  });

  it("a period with kedisiplinan only counts as scored; none scored → null", () => {
    expect(lastScoredPeriod([period("2026-10", null, 80)])?.id).toBe("2026-10");
    expect(lastScoredPeriod([period("2026-10", null), period("2026-09", null)])).toBeNull();
  });
});
