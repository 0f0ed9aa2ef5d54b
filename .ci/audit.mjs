// CI's dependency check: `npm audit` over the whole tree (dependencies and devDependencies), failing on any
// high or critical advisory that .ci/audit-allowlist.json does not list with its reason. Usage:
//   node .ci/audit.mjs                 run `npm audit --json` and judge its report
//   node .ci/audit.mjs --report FILE   judge a saved report (for trying the rules)
// When the registry answers without a report (a mirror without the advisory endpoint, as in the workplace
// where Mutu is built), it says loudly that nothing was checked and exits 0: the check cannot fail on what
// it could not see, and the line in the log says so.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

const SERIOUS = new Set(["high", "critical"]);

/** The advisories of a v2 `npm audit --json` report: id (GHSA-… or the npm number), package, severity, title. */
export function advisoriesOf(report) {
  const found = new Map();
  for (const entry of Object.values(report.vulnerabilities ?? {})) {
    for (const via of entry.via ?? []) {
      if (typeof via !== "object" || via === null) continue; // "via another package": listed under that package
      const id = /GHSA-[\w-]+/.exec(via.url ?? "")?.[0] ?? String(via.source);
      found.set(`${id} ${via.name}`, { id, name: via.name, severity: via.severity, title: via.title, url: via.url });
    }
  }
  return [...found.values()];
}

/** What fails the check: serious advisories not allowlisted; and allowlisted ids no longer reported. */
export function judge(report, allowlist) {
  const allowed = new Set(allowlist.advisories.map((a) => a.id));
  const advisories = advisoriesOf(report);
  const serious = advisories.filter((a) => SERIOUS.has(a.severity));
  return {
    failing: serious.filter((a) => !allowed.has(a.id)),
    accepted: serious.filter((a) => allowed.has(a.id)),
    stale: [...allowed].filter((id) => !advisories.some((a) => a.id === id)),
    counts: report.metadata?.vulnerabilities ?? {},
  };
}

function main() {
  const at = process.argv.indexOf("--report");
  let text;
  if (at >= 0) {
    text = readFileSync(process.argv[at + 1], "utf8");
  } else {
    const run = spawnSync("npm", ["audit", "--json"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    text = run.stdout;
  }
  let report;
  try {
    report = JSON.parse(text);
  } catch {
    report = {};
  }
  if (report.auditReportVersion !== 2) {
    const why = typeof report.message === "string" ? report.message : "no audit report";
    console.log(`npm audit: NOT CHECKED — the registry gave no advisory report (${why}).`);
    return 0;
  }
  const allowlist = JSON.parse(readFileSync(new URL("./audit-allowlist.json", import.meta.url), "utf8"));
  const { failing, accepted, stale, counts } = judge(report, allowlist);
  const line = (a) => `  ${a.severity.padEnd(8)} ${a.id} ${a.name}: ${a.title}`;
  console.log(`npm audit: ${JSON.stringify(counts)}`);
  if (accepted.length) console.log(`accepted (.ci/audit-allowlist.json):\n${accepted.map(line).join("\n")}`);
  if (stale.length) console.log(`no longer reported, remove from the allowlist: ${stale.join(", ")}`);
  if (failing.length) {
    console.log(`high or critical advisories to fix:\n${failing.map(line).join("\n")}`);
    return 1;
  }
  console.log("npm audit: no high or critical advisory outside the allowlist.");
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main();
