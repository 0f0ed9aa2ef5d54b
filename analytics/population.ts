// Pure: who the QA team evaluates (regulation C.17.e): the active agents and team leaders of the information-
// and-complaints team and of the service-management team. Coordinators lead; they are not scored on calls.
import type { PositionCode, TeamCode } from "./organization";

export const EVALUATED_TEAMS: TeamCode[] = ["layanan_informasi", "manajemen_layanan"];
export const EVALUATED_POSITIONS: PositionCode[] = ["petugas_layanan", "ketua_tim"];

/** Whether someone of team `teamCode` in `position` is evaluated (when active). */
export function evaluatedRole(teamCode: string, position: string): boolean {
  return EVALUATED_TEAMS.includes(teamCode as TeamCode) && EVALUATED_POSITIONS.includes(position as PositionCode);
}
