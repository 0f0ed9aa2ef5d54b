// Whether this instance can serve pages, for load balancers and the start scripts: every page reads the
// settings first and signs its session cookie, so /healthz does the same. A database that cannot be reached or
// holds no schema, or a session secret that every page would refuse, answers 503 here as the pages would fail.
import { database } from "./db";
import { sessionSecretProblem } from "./session";
import { getSettings } from "./settings";

export async function checkHealth(): Promise<boolean> {
  try {
    if (sessionSecretProblem()) return false;
    await getSettings(await database());
    return true;
  } catch {
    return false;
  }
}
