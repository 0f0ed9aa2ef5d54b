// Where the committed migrations are, for the code that applies them (client.ts) and the backups that name them
// (backup/catalogue.ts): beside this module, so db/migrations when run from the sources (tsx, tests), and
// build/node/migrations when bundled into the built server or command line, where the build copies them
// (scripts/build.mjs, decision 028). One module, so that every bundle's copy resolves it the same way.
import path from "node:path";
import { fileURLToPath } from "node:url";

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");
