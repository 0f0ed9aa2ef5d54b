// Load without loss, certificates: N signed-in Kepala Seksi users issue Sertifikat Keahlian at once, for a
// fixed time, to generated people made eligible for all three roles (both trainings and a capability
// decision each), against the production build on a throw-away PostgreSQL database with the demo. Every
// tenth person-and-role is asked for twice in a row, so two users race for it: one must get it, the other
// a refusal. Then every year's numbers NNN/SK-CC/YYYY must run from 001 without a gap or a duplicate, and
// every acknowledged issue be stored once, for the right person and role, with its PDF intact. Exits 1 on
// any error, loss, duplicate or gap.
//   npx tsx bench/load-certificates.ts [users=50] [seconds=20] [--pause=MS] [--processes=N]  (builds first if needed)
// Ends with one line of JSON: {"bench":"load-certificates","p95Ms":…,"ok":…,…}.
//   npx tsx bench/load-certificates.ts --short                               (10 users, 5 s: for CI)
import { CERTIFICATE_ROLES } from "../analytics/eligibility";
import { loadDemo } from "../app/.server/bootstrap";
import { formatNumber } from "../app/.server/certificates";
import { connectPostgres } from "../db/client";
import { cpuLine, cpuSnapshot, loadOptions, pauseLabel, runFor, runReport, type Sample, startLoad } from "./load";
import { printResult } from "./result";
import { createThrowawayDatabase } from "./server";

const options = loadOptions(process.argv.slice(2));
const PREFIX = "kasi.bench";
// Enough for about 300 issues a second over the run; the run ends early, and says so, if they run out.
const PEOPLE = Math.max(200, Math.ceil((options.seconds * 300) / CERTIFICATE_ROLES.length));
const REFUSED = /sudah memegang sertifikat aktif|baru saja diberi sertifikat/;

type Slot = { staffId: number; role: string; raced: boolean };
type Outcome = { slot: Slot; id: number | null; refused: boolean };

/** PEOPLE generated staff, each with both trainings and a capability decision for every certificate role. */
async function makeEligiblePeople(url: string): Promise<Slot[]> {
  const sql = connectPostgres(url, { max: 1, onnotice: () => {} });
  try {
    const ids = await sql<{ id: number }[]>`
      insert into staff (nip, full_name, birth_place, birth_date, golongan, position, team_id, active)
      select lpad((199001010000000000 + g)::text, 18, '0'), 'Calon Sertifikat ' || g, 'Jakarta', '1990-01-01',
             'III/a', 'petugas_layanan', (select id from teams where code = 'layanan_informasi'), true
      from generate_series(1, ${PEOPLE}) g
      returning id`;
    await sql`
      insert into training_records (staff_id, course_id, end_date, status, hours)
      select s.id, c.id, case c.code when 'TLI-01' then date '2025-03-14' else date '2025-06-20' end,
             case c.code when 'TLI-01' then 'lulus' else 'selesai' end, 24
      from staff s cross join training_courses c
      where s.full_name like 'Calon Sertifikat %' and c.code in ('TLI-01', 'SSK-01')`;
    await sql`
      insert into capability_decisions (staff_id, role, decided_by, letter_number, letter_date, basis, recorded_by)
      select s.id, r.role, 'Direktur PPKC', 'ND-' || s.id || '/PP.1/2026', date '2026-02-02',
             'KPI tiga periode terakhir berpredikat Baik.', (select id from users where username = 'kasi')
      from staff s cross join unnest(${CERTIFICATE_ROLES.map((r) => r.code)}::text[]) r(role)
      where s.full_name like 'Calon Sertifikat %'`;
    const slots: Slot[] = [];
    for (const { id } of ids) {
      for (const { code } of CERTIFICATE_ROLES) {
        const raced = slots.length % 10 === 0;
        slots.push({ staffId: id, role: code, raced });
        if (raced) slots.push({ staffId: id, role: code, raced });
      }
    }
    return slots;
  } finally {
    await sql.end();
  }
}

async function drive(url: string) {
  const slots = await makeEligiblePeople(url);
  const { server, cookies, recorder, cpuBefore } = await startLoad(url, PREFIX, options, ["kepala_seksi"]);
  try {
    const outcomes: Outcome[] = [];
    const errors: Sample[] = [];
    let next = 0;
    // One step: the next person and role's certificate.
    const seconds = await runFor(options, async (user) => {
      const slot = slots[next++];
      if (!slot) return false;
      // The page's own address, as the form posts back to it; issuedOn left empty: the server's today (WIB).
      const page = `${server.base}/sertifikat/baru?staf=${slot.staffId}&peran=${slot.role}`;
      const answer = await recorder.post("issue", page, cookies[user] ?? "", {
        staffId: String(slot.staffId),
        role: slot.role,
        issuedOn: "",
      });
      const id = answer.status === 302 ? answer.location?.match(/^\/sertifikat\/(\d+)\?terbit=1$/)?.[1] : undefined;
      const refused = slot.raced && answer.status === 409 && REFUSED.test(answer.body);
      outcomes.push({ slot, id: id ? Number(id) : null, refused });
      if (!id && !refused) errors.push(answer);
      return true;
    });
    const cpu = cpuLine(cpuBefore, await cpuSnapshot(server.process.pid), recorder.samples.length);
    return { outcomes, samples: recorder.samples, errors, seconds, cpu, ranOut: next > slots.length };
  } finally {
    await server.stop();
  }
}

type Row = {
  id: number;
  number: string;
  year: number;
  sequence: number;
  staffId: number;
  role: string;
  active: boolean;
  issuer: string;
  pdfIntact: boolean;
  audits: number;
};

async function check(url: string, run: Awaited<ReturnType<typeof drive>>) {
  const sql = connectPostgres(url, { max: 1, onnotice: () => {} });
  const rows = await sql<Row[]>`
    select c.id, c.number, c.year, c.sequence, c.staff_id as "staffId", c.qualified_role as role,
      c.revoked_at is null as active, u.username as issuer,
      encode(sha256(c.pdf), 'hex') = c.pdf_sha256 and length(c.pdf) > 1000 as "pdfIntact",
      (select count(*)::int from audit_log a
        where a.entity = 'certificate' and a.action = 'issue' and a.entity_id = c.id::text) as audits
    from certificates c join users u on u.id = c.issued_by`;
  const counters = new Map(
    (await sql<{ year: number; last: number }[]>`select year, last_sequence as last from certificate_counters`).map(
      (c) => [c.year, c.last],
    ),
  );
  await sql.end();

  const problems: string[] = [];
  let duplicated = 0;
  let gaps = 0;
  let other = 0;
  for (const year of new Set(rows.map((r) => r.year))) {
    const ofYear = rows.filter((r) => r.year === year).sort((a, b) => a.sequence - b.sequence);
    const numbers = new Set(ofYear.map((r) => r.number));
    duplicated += ofYear.length - numbers.size;
    const last = ofYear.at(-1)?.sequence ?? 0;
    const missing = last - new Set(ofYear.map((r) => r.sequence)).size;
    gaps += missing;
    if (ofYear.length !== numbers.size) problems.push(`${year}: ${ofYear.length - numbers.size} duplicate numbers`);
    if (missing) problems.push(`${year}: ${missing} numbers missing below ${formatNumber(last, year)}`);
    const wrong = ofYear.filter((r) => r.number !== formatNumber(r.sequence, year));
    if (wrong.length) problems.push(`${year}: ${wrong.length} numbers that do not match their sequence`);
    if (counters.get(year) !== last) problems.push(`${year}: counter at ${counters.get(year)}, last number ${last}`);
    other += (wrong.length ? 1 : 0) + (counters.get(year) !== last ? 1 : 0);
  }
  const active = new Map<string, number>();
  for (const r of rows.filter((r) => r.active))
    active.set(`${r.staffId}|${r.role}`, (active.get(`${r.staffId}|${r.role}`) ?? 0) + 1);
  const twice = [...active.values()].filter((n) => n > 1).length;
  duplicated += twice;
  if (twice) problems.push(`${twice} person-and-role pairs hold more than one certificate in force`);

  const byId = new Map(rows.map((r) => [r.id, r]));
  let lost = 0;
  const acknowledged = run.outcomes.filter((o) => o.id !== null);
  for (const o of acknowledged) {
    const row = byId.get(o.id ?? 0);
    if (!row) {
      lost++;
      problems.push(`certificate #${o.id} acknowledged, not in the database`);
    } else if (
      row.staffId !== o.slot.staffId ||
      row.role !== o.slot.role ||
      !row.active ||
      !row.issuer.startsWith(PREFIX) ||
      !row.pdfIntact ||
      row.audits !== 1
    ) {
      other++;
      problems.push(`certificate #${o.id}: stored as ${JSON.stringify(row)}, asked for ${JSON.stringify(o.slot)}`);
    }
  }
  const benchRows = rows.filter((r) => r.issuer.startsWith(PREFIX));
  const unacknowledged = benchRows.length - acknowledged.length;
  if (unacknowledged !== 0) {
    other++;
    problems.push(`${unacknowledged} certificates stored without an acknowledged issue`);
  }
  const raced = run.outcomes.filter((o) => o.slot.raced);
  const refused = raced.filter((o) => o.refused).length;
  return {
    lines: [
      `  ${acknowledged.length} certificates issued and acknowledged, ${refused} second requests for the same person ` +
        `and role refused (of ${raced.length} raced requests); ${benchRows.length} stored by the bench users, ` +
        `${rows.length} in all`,
      `  numbers per year: ${[...counters].map(([y, n]) => `${y}: 001 … ${formatNumber(n, y)}`).join(", ")}`,
      `  lost ${lost}, duplicated ${duplicated}, missing numbers ${gaps}, other problems ${other}`,
      ...problems.slice(0, 10).map((p) => `  ${p}`),
    ],
    figures: { lost, duplicated, missingNumbers: gaps, otherProblems: other },
    failed: problems.length > 0,
  };
}

// The whole demo: its training catalogue, signing official and certificates already issued this year and before.
const database = await createThrowawayDatabase((handle) => loadDemo(handle));
let failed = true;
let figures: Record<string, number | boolean> = {};
try {
  console.log(
    `Certificates: ${options.users} Kepala Seksi users, ${options.seconds} s, ${PEOPLE} eligible people, ${pauseLabel(options)}`,
  );
  const run = await drive(database.url);
  console.log(
    `  took ${run.seconds.toFixed(1)} s${run.ranOut ? " (ran out of eligible people)" : ""}; ${run.errors.length} errors`,
  );
  ({ failed, figures } = runReport(options, run, await check(database.url, run)));
} finally {
  await database.drop();
}
console.log(
  failed
    ? "FAILED: errors, lost, duplicated or missing numbers (see above)"
    : "OK: no errors, nothing lost, no duplicate or missing number",
);
printResult("load-certificates", { ...figures, ok: !failed });
process.exit(failed ? 1 : 0);
