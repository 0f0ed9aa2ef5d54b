// Loads one demo variant (demo-databases.ts) in a process of its own, so that the database tests' global setup
// loads the three side by side on every core: loading is mostly JavaScript building rows and statements, and
// three loads in the setup's one thread took one after the other. Bundled and started by db-global-setup.ts:
//   node demo-variant.js <variant> postgres <database url>
//   node demo-variant.js <variant> pglite <migrated dump> <dump to write>
import { readFileSync } from "node:fs";
import { loadDemo } from "../../app/.server/bootstrap";
import { openDatabase } from "../../db/client";
import { DEMOS, type DemoName, dumpTo } from "./demo-databases";

async function main([name, kind, from, to]: string[]) {
  if (!name || !(name in DEMOS)) throw new Error(`unknown demo variant: ${name}`);
  const variant = DEMOS[name as DemoName];
  if (kind === "postgres" && from) {
    const handle = await openDatabase({ url: from });
    await loadDemo(handle, variant).finally(() => handle.close());
    return;
  }
  if (kind === "pglite" && from && to) {
    const handle = await openDatabase({ pgliteDir: null, pgliteLoad: new Blob([readFileSync(from)]) });
    try {
      await loadDemo(handle, variant);
      await dumpTo(handle, to);
    } finally {
      await handle.close();
    }
    return;
  }
  throw new Error("usage: demo-variant.js <variant> postgres <url> | pglite <migrated dump> <dump to write>");
}

await main(process.argv.slice(2));
