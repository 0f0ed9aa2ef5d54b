// Builds the form a penilai would send for an interaction evaluation of an agent, from the agent's
// published template: every item answered (4 on 1–5 items, Ya on Ya/Tidak items) unless told otherwise.
import { eq } from "drizzle-orm";
import { INTERACTION_SECTIONS, type ItemSection } from "../../analytics/scoring";
import { publishedVersionForTeam } from "../../app/.server/scorecards";
import { commentField, valueField } from "../../app/score-fields";
import type { Database } from "../../db/client";
import { staff, users } from "../../db/schema";

export async function scoreForm(
  db: Database,
  agentId: number,
  sections: readonly ItemSection[],
  values: Record<string, string> = {},
  comments: Record<string, string> = {},
): Promise<Record<string, string>> {
  const [agent] = await db.select().from(staff).where(eq(staff.id, agentId));
  if (!agent) throw new Error(`no staff ${agentId}`);
  const version = await publishedVersionForTeam(db, agent.teamId);
  if (!version) throw new Error("no published template");
  const form: Record<string, string> = {};
  for (const item of version.items.filter((i) => sections.includes(i.section))) {
    const value = values[item.code] ?? (item.scale === "1-5" ? "4" : "ya");
    if (value !== "") form[valueField(item.id)] = value;
    if (comments[item.code]) form[commentField(item.id)] = comments[item.code] ?? "";
  }
  return form;
}

export async function interactionForm(
  db: Database,
  agentId: number,
  options: {
    values?: Record<string, string>;
    comments?: Record<string, string>;
    at?: string;
    intent?: "draft" | "submit";
  } = {},
): Promise<Record<string, string>> {
  return {
    agentId: String(agentId),
    channel: "telepon",
    interactionRef: "CALL-TEST-0001",
    interactionAt: options.at ?? "2026-11-27T09:30",
    note: "Catatan uji.",
    intent: options.intent ?? "submit",
    ...(await scoreForm(db, agentId, INTERACTION_SECTIONS, options.values, options.comments)),
  };
}

/** The staff id linked to a demo username. */
export async function staffIdOf(db: Database, username: string): Promise<number> {
  const [u] = await db.select({ staffId: users.staffId }).from(users).where(eq(users.username, username));
  if (!u?.staffId) throw new Error(`${username} has no staff record`);
  return u.staffId;
}
