// Load without loss, evaluations: N signed-in assessors (penilai without a staff record, so every agent is
// theirs to evaluate) each save a new interaction evaluation as a draft and then submit it, again and again
// for a fixed time, against the production build on a throw-away PostgreSQL database with the demo. Then
// the database must hold every acknowledged save exactly once, submitted where the submission was
// acknowledged, with all its item scores, its revision and its audit entries. Exits 1 on any error, loss
// or duplicate.
//   npx tsx bench/load-evaluations.ts [users=50] [seconds=20] [--pause=MS] [--processes=N]   (builds first if needed)
// Ends with one line of JSON: {"bench":"load-evaluations","p95Ms":…,"ok":…,…}.
//   npx tsx bench/load-evaluations.ts --short                                (10 users, 5 s: for CI)
import { wibInputValue } from "../analytics/dates";
import { INTERACTION_SECTIONS } from "../analytics/scoring";
import { loadDemo } from "../app/.server/bootstrap";
import { evaluableAgents } from "../app/.server/population";
import { publishedVersionForTeam } from "../app/.server/scorecards";
import { valueField } from "../app/score-fields";
import { connectPostgres, openDatabase } from "../db/client";
import { cpuLine, cpuSnapshot, loadOptions, pauseLabel, runFor, runReport, type Sample, startLoad } from "./load";
import { printResult } from "./result";
import { createThrowawayDatabase } from "./server";

const options = loadOptions(process.argv.slice(2));
const PREFIX = "penilai.bench";

type Attempt = {
  ref: string;
  user: number;
  agentId: number;
  savedId: number | null;
  submitted: boolean;
  /** Submitted twice at once (a second tab, a double click): exactly one may succeed. */
  raced: boolean;
  refusedSecond: boolean;
  acceptedTwice: boolean;
};

// The edit page's answer to a submission of a draft that another click or window has just submitted: to the
// evaluation as sent, saying that this second submission was not saved.
const ALREADY_SENT = (id: string) => `/evaluasi/${id}?sudah-terkirim=1`;

type Row = {
  id: number;
  ref: string;
  state: string;
  username: string;
  agentId: number;
  scores: number;
  revisions: number;
  audits: number;
};

/**
 * Each evaluable agent's form fields for the scores of their team's published template (every interaction
 * item answered: 4 on a 1–5 item, Ya on a Ya/Tidak item), and how many items that is.
 */
async function agentForms(url: string) {
  const handle = await openDatabase({ url });
  try {
    const agents = await evaluableAgents(handle.db, null);
    return await Promise.all(
      agents.map(async (a) => {
        const version = await publishedVersionForTeam(handle.db, a.teamId);
        if (!version) throw new Error(`no published template for team ${a.teamId}`);
        const items = version.items.filter((i) => INTERACTION_SECTIONS.includes(i.section));
        const scores = Object.fromEntries(items.map((i) => [valueField(i.id), i.scale === "1-5" ? "4" : "ya"]));
        return { agentId: a.id, scores, items: items.length };
      }),
    );
  } finally {
    await handle.close();
  }
}

async function drive(url: string) {
  const forms = await agentForms(url);
  const { server, cookies, recorder, cpuBefore } = await startLoad(url, PREFIX, options, ["penilai"]);
  try {
    const attempts: Attempt[] = [];
    const errors: Sample[] = [];
    // An hour ago in WIB: inside the current period, which the demo leaves open.
    const interactionAt = wibInputValue(new Date(Date.now() - 3_600_000));
    // One step: a new evaluation saved as a draft, then submitted (every tenth twice at once).
    const seconds = await runFor(options, async (user, n) => {
      const cookie = cookies[user] ?? "";
      const form = forms[(user * 7 + n) % forms.length];
      if (!form) throw new Error("no evaluable agents in the demo");
      const ref = `LOAD-${user}-${n}`;
      const attempt: Attempt = {
        ref,
        user,
        agentId: form.agentId,
        savedId: null,
        submitted: false,
        raced: (user + n) % 10 === 0,
        refusedSecond: false,
        acceptedTwice: false,
      };
      attempts.push(attempt);
      const fields = {
        agentId: String(form.agentId),
        channel: ["telepon", "email", "webchat"][n % 3] ?? "telepon",
        interactionRef: ref,
        interactionAt,
        note: `Uji beban ${ref}.`,
        ...form.scores,
      };
      const saved = await recorder.post("save", `${server.base}/evaluasi/baru`, cookie, { ...fields, intent: "draft" });
      const id = saved.status === 302 ? saved.location?.match(/^\/evaluasi\/(\d+)\?disimpan=1$/)?.[1] : undefined;
      if (!id) {
        errors.push(saved);
        return true;
      }
      attempt.savedId = Number(id);
      // A new draft has lock version 1, as the edit page would send it.
      const submit = () =>
        recorder.post("submit", `${server.base}/evaluasi/${id}/ubah`, cookie, {
          ...fields,
          intent: "submit",
          lockVersion: "1",
        });
      const sent = await Promise.all(attempt.raced ? [submit(), submit()] : [submit()]);
      const accepted = sent.filter((s) => s.status === 302 && s.location === `/evaluasi/${id}?terkirim=1`);
      attempt.submitted = accepted.length > 0;
      attempt.acceptedTwice = accepted.length > 1;
      for (const s of sent.filter((s) => !accepted.includes(s))) {
        if (accepted.length === 1 && s.status === 302 && s.location === ALREADY_SENT(id)) attempt.refusedSecond = true;
        else errors.push(s);
      }
      return true;
    });
    const cpu = cpuLine(cpuBefore, await cpuSnapshot(server.process.pid), recorder.samples.length);
    const items = new Map(forms.map((f) => [f.agentId, f.items]));
    return { attempts, samples: recorder.samples, errors, seconds, cpu, items };
  } finally {
    await server.stop();
  }
}

async function check(url: string, run: Awaited<ReturnType<typeof drive>>) {
  const sql = connectPostgres(url, { max: 1, onnotice: () => {} });
  const rows = await sql<Row[]>`
    select e.id, e.interaction_ref as ref, e.state, u.username, e.agent_staff_id as "agentId",
      (select count(*)::int from evaluation_scores s where s.evaluation_id = e.id) as scores,
      (select count(*)::int from evaluation_revisions r where r.evaluation_id = e.id) as revisions,
      (select count(*)::int from audit_log a where a.entity = 'evaluation' and a.entity_id = e.id::text) as audits
    from evaluations e join users u on u.id = e.assessor_user_id
    where e.interaction_ref like 'LOAD-%'`;
  await sql.end();

  const byRef = new Map<string, Row[]>();
  for (const r of rows) byRef.set(r.ref, [...(byRef.get(r.ref) ?? []), r]);
  const attempted = new Map(run.attempts.map((a) => [a.ref, a]));
  const problems: string[] = [];
  let lost = 0;
  let duplicated = 0;
  let mismatched = 0;
  for (const a of run.attempts.filter((a) => a.acceptedTwice)) {
    duplicated++;
    problems.push(`${a.ref}: submitted twice at once, both acknowledged`);
  }
  let unacknowledgedWritten = 0; // rows (or submissions) written although the answer was an error
  let unacknowledgedRows = 0;
  for (const [ref, found] of byRef) {
    if (found.length > 1) {
      duplicated += found.length - 1;
      problems.push(`${ref}: ${found.length} rows (${found.map((r) => r.id).join(", ")})`);
    }
    const attempt = attempted.get(ref);
    if (!attempt) {
      mismatched++;
      problems.push(`${ref}: in the database but never sent`);
    } else if (attempt.savedId === null) unacknowledgedRows += found.length;
  }
  for (const a of run.attempts) {
    if (a.savedId === null) continue;
    const row = byRef.get(a.ref)?.find((r) => r.id === a.savedId);
    if (!row) {
      lost++;
      problems.push(`${a.ref}: acknowledged as #${a.savedId}, not in the database`);
      continue;
    }
    const state = a.submitted ? "submitted" : "draft";
    const expected = {
      state,
      username: `${PREFIX}${a.user}`,
      agentId: a.agentId,
      scores: run.items.get(a.agentId) ?? -1,
      revisions: a.submitted ? 1 : 0,
      audits: a.submitted ? 2 : 1,
    };
    const actual = {
      state: row.state,
      username: row.username,
      agentId: row.agentId,
      scores: row.scores,
      revisions: row.revisions,
      audits: row.audits,
    };
    // An unacknowledged submission may still have been committed: then the row is submitted, and that is no loss.
    const committedAnyway = !a.submitted && row.state === "submitted";
    if (committedAnyway) unacknowledgedWritten++;
    else if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      if (a.submitted && row.state !== "submitted") lost++;
      else mismatched++;
      problems.push(`${a.ref} #${row.id}: expected ${JSON.stringify(expected)}, found ${JSON.stringify(actual)}`);
    }
  }
  const saved = run.attempts.filter((a) => a.savedId !== null).length;
  const submitted = run.attempts.filter((a) => a.submitted).length;
  const submittedRows = rows.filter((r) => r.state === "submitted").length;
  const raced = run.attempts.filter((a) => a.raced && a.savedId !== null);
  return {
    lines: [
      `  ${run.attempts.length} evaluations started, ${saved} saves and ${submitted} submissions acknowledged; ` +
        `in the database: ${rows.length} rows, ${submittedRows} submitted` +
        (unacknowledgedRows + unacknowledgedWritten
          ? ` (${unacknowledgedRows} saves and ${unacknowledgedWritten} submissions written although answered with an error)`
          : ""),
      `  ${raced.length} drafts submitted twice at once: ${raced.filter((a) => a.refusedSecond).length} times the second was refused`,
      `  lost ${lost}, duplicated ${duplicated}, other mismatches ${mismatched}`,
      ...problems.slice(0, 10).map((p) => `  ${p}`),
    ],
    figures: { lost, duplicated, mismatched },
    failed: problems.length > 0 || rows.length !== saved + unacknowledgedRows,
  };
}

const database = await createThrowawayDatabase((handle) => loadDemo(handle));
let failed = true;
let figures: Record<string, number | boolean> = {};
try {
  console.log(
    `Evaluations: ${options.users} assessors, ${options.seconds} s, save a draft then submit it, ${pauseLabel(options)}`,
  );
  const run = await drive(database.url);
  console.log(`  took ${run.seconds.toFixed(1)} s; ${run.errors.length} errors`);
  ({ failed, figures } = runReport(options, run, await check(database.url, run)));
} finally {
  await database.drop();
}
console.log(
  failed ? "FAILED: errors, lost or duplicated writes (see above)" : "OK: no errors, nothing lost or duplicated",
);
printResult("load-evaluations", { ...figures, ok: !failed });
process.exit(failed ? 1 : 0);
