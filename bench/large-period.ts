// Generates a large period in a new PostgreSQL database, in SQL (generate_series), for the KPI benchmarks:
// `agents` agents across the two evaluated teams, `evaluations` submitted interaction evaluations in period
// PERIOD with a score for each item of the template (at most 20), and a period review (kedisiplinan, CPH) per agent. Deterministic.
import postgres from "postgres";
import { loadDemo } from "../app/.server/bootstrap";
import { createThrowawayDatabase, type ThrowawayDatabase } from "./server";

export const PERIOD = "2026-10";

export type LargePeriod = ThrowawayDatabase;

export async function createLargePeriod(options: { agents: number; evaluations: number }): Promise<LargePeriod> {
  const database = await createThrowawayDatabase((handle) =>
    loadDemo(handle, { evaluations: false, now: new Date("2026-11-29T03:00:00Z") }),
  );
  const url = database.url;
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  // Agents with valid 18-digit NIPs (born 1990-01-01); half in each evaluated team.
  await sql.unsafe(`
    insert into staff (nip, full_name, birth_place, birth_date, golongan, position, team_id, active)
    select lpad((199001010000000000 + g)::text, 18, '0'), 'Petugas Uji ' || g, 'Jakarta',
           '1990-01-01', 'III/a', 'petugas_layanan',
           (select id from teams where code = case when g % 2 = 0 then 'layanan_informasi' else 'manajemen_layanan' end),
           true
    from generate_series(1, ${options.agents}) g`);
  await sql.unsafe(`
    create temp table bench_agents as
      select row_number() over (order by s.id) as n, s.id, v.id as version_id
      from staff s
      join lateral (select sv.id from scorecard_versions sv join scorecard_templates t on t.id = sv.template_id
                    where t.team_id = s.team_id and sv.status = 'published' limit 1) v on true
      where s.full_name like 'Petugas Uji %'`);
  const [row] = await sql`select id from users where username = 'penilai'`;
  const assessor = Number(row?.id);
  await sql.unsafe(`
    insert into evaluations (kind, version_id, agent_staff_id, assessor_user_id, period_id, channel,
      interaction_ref, interaction_at, state, note, hardskill, softskill, total, critical_failed, submitted_at,
      revision)
    select 'interaction', a.version_id, a.id, ${assessor}, '${PERIOD}',
           (array['telepon','sms','email','webchat','media_sosial'])[1 + e % 5], 'BENCH-' || e,
           timestamptz '2026-10-26 01:00+00' + (e % 600) * interval '1 hour', 'submitted', '',
           50 + (e * 7 % 50), 50 + (e * 11 % 50), 50 + (e * 13 % 50), e % 97 = 0,
           timestamptz '2026-11-20 01:00+00', 1
    from generate_series(1, ${options.evaluations}) e
    join bench_agents a on a.n = 1 + e % ${options.agents}`);
  await sql.unsafe(`
    insert into evaluation_scores (evaluation_id, item_id, value, comment)
    select ev.id, i.id, 1 + (ev.id + i.id) % 5, case when i.id % 7 = 0 then 'Catatan butir' else '' end
    from evaluations ev
    join lateral (select id from scorecard_items where version_id = ev.version_id order by id limit 20) i on true
    where ev.interaction_ref like 'BENCH-%'`);
  await sql.unsafe(`
    insert into evaluations (kind, version_id, agent_staff_id, assessor_user_id, period_id, state, note,
      kedisiplinan, cph_actual, cph_target, cph_score, cph_source, submitted_at, revision)
    select 'period_review', a.version_id, a.id, ${assessor}, '${PERIOD}', 'submitted', '',
           60 + a.n % 40, 8 + (a.n % 50) / 10.0, 10, least(100, (8 + (a.n % 50) / 10.0) * 10), 'manual',
           timestamptz '2026-11-20 01:00+00', 1
    from bench_agents a`);
  await sql.unsafe("analyze");
  await sql.end();
  return database;
}
