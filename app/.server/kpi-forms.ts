// The forms of the KPI review page, read at the edge: which form was sent, whether the user may send it, its
// fields checked by zod, then one call into periods.ts or iku.ts with typed values.
import { z } from "zod";
import { can } from "../permissions";
import { recordAudit } from "./audit";
import { forbidden, httpError } from "./errors";
import { submitConfirmed, submitForm } from "./forms";
import { ikuTargetsInput, setIkuTargets } from "./iku";
import { approvePeriod, reopenInput, reopenPeriod } from "./periods";
import type { Authenticated } from "./session";

const intentInput = z.object({ intent: z.enum(["approve", "reopen", "iku"]) });

/** The forms of the review page: approve or reopen the period (Kepala Seksi), set IKU targets. */
export async function kpiReviewAction(
  auth: Authenticated,
  { id: periodId, matched }: { id: string; matched: boolean },
  form: FormData,
) {
  const parsed = intentInput.safeParse({ intent: form.get("intent") });
  if (!parsed.success) httpError(400, "Permintaan tidak dikenal.");
  const intent = parsed.data.intent;
  const needed = intent === "iku" ? "manage:iku" : "approve:period";
  if (!can(auth.user.roles, needed)) {
    await recordAudit(auth.env.db, auth.actor, {
      action: "access_denied",
      entity: "period",
      entityId: periodId,
      after: { permission: needed },
    });
    forbidden();
  }
  // Never approve or change a period other than the one asked for.
  if (!matched) httpError(400, "Periode ini tidak dikenal. Pilih periode dari daftar, lalu ulangi.");
  const db = auth.env.db;
  const who = { ...auth.actor, id: auth.user.id };
  const result =
    intent === "approve"
      ? await submitConfirmed(z.object({}), form, () => approvePeriod(db, who, periodId))
      : intent === "reopen"
        ? await submitForm(reopenInput, form, (input) => reopenPeriod(db, who, periodId, input))
        : await submitForm(ikuTargetsInput, form, (input) => setIkuTargets(db, who, periodId, input));
  return { ...result, intent };
}
