// The order test files start in. Vitest starts the files it remembers as slowest first, but a clean clone (CI)
// has no memory of earlier runs and it falls back to the largest files first; then a long file that starts last
// runs alone at the end while the other worker waits. The files below take 10–65 s (processes started, many
// commands, generated files); starting them first lets the short files fill in around them. Browser test files
// keep Vitest's order: each finds its server's data as the files before it left it.
import { BaseSequencer, type TestSpecification } from "vitest/node";

const SLOW_FIRST = [
  "test/db/cli.test.ts",
  "test/db/backup.test.ts",
  "test/db/database.test.ts",
  "test/db/permissions.test.ts",
  "test/db/import-fuzz.test.ts",
  "test/db/faults.test.ts",
  "test/db/staffing.test.ts",
  "test/db/startup.test.ts",
  "test/db/import-fuzz-rows.test.ts",
  "test/db/built.test.ts",
  "test/db/staffing-models.test.ts",
  "test/db/several-processes.test.ts",
];

export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const i = SLOW_FIRST.findIndex((name) => file.moduleId.endsWith(name));
      return i === -1 ? SLOW_FIRST.length : i;
    };
    // Array.prototype.sort is stable: the rest keep the order Vitest chose.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
