// Training catalogue, records and decisions for tests, inserted the way the app stores them.
import { eq } from "drizzle-orm";
import type { CertificateRole } from "../../analytics/eligibility";
import { updateSettings } from "../../app/.server/settings";
import { defaultSettings } from "../../app/settings-definitions";
import type { Database } from "../../db/client";
import { capabilityDecisions, trainingCourses, trainingRecords, users } from "../../db/schema";
import { DEMO_COURSES } from "../../fixtures/demo-training";

export async function seedCatalogue(db: Database) {
  await db.insert(trainingCourses).values(DEMO_COURSES).onConflictDoNothing();
}

export const SIGNER = { "certificate.signerName": "Hendra Wijayanto", "certificate.signerNip": "197105121993031002" };

export async function setSigner(db: Database) {
  await updateSettings(db, { id: null, username: "test" }, { ...defaultSettings(), ...SIGNER });
}

/** Both trainings (recent) and a capability decision for the role: the person is eligible. */
export async function makeEligible(
  db: Database,
  staffId: number,
  role: CertificateRole = "petugas_layanan",
  letterDate = "2026-02-02",
) {
  const courses = new Map((await db.select().from(trainingCourses)).map((c) => [c.code, c.id]));
  await db.insert(trainingRecords).values([
    { staffId, courseId: courses.get("TLI-01") ?? 0, endDate: "2025-03-14", status: "lulus", hours: 40 },
    { staffId, courseId: courses.get("SSK-01") ?? 0, endDate: "2025-06-20", status: "selesai", hours: 24 },
  ]);
  const [recorder] = await db.select({ id: users.id }).from(users).where(eq(users.username, "kasi"));
  await db.insert(capabilityDecisions).values({
    staffId,
    role,
    decidedBy: "Direktur PPKC",
    letterNumber: `ND-${staffId}/PP.1/2026`,
    letterDate,
    basis: "KPI tiga periode terakhir berpredikat Baik.",
    recordedBy: recorder?.id ?? 0,
  });
}
