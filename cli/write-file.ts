// Writing an export to a file: through a temporary file beside it, renamed when complete, so that a failure
// midway leaves no half-written file under the name asked for.
import { once } from "node:events";
import { createWriteStream, existsSync, renameSync, rmSync, statSync, type WriteStream } from "node:fs";
import path from "node:path";
import { UserFacingError } from "../app/.server/errors";

/** Refuses (exit 1) an output file whose folder does not exist. */
export function checkOutputFolder(out: string): void {
  const folder = path.dirname(path.resolve(out));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new UserFacingError(`Folder tujuan tidak ditemukan: ${folder}`);
  }
}

/** Runs `write` on a stream into a temporary file, then gives the file its name; returns what `write` returns. */
export async function writeThroughPartial<T>(out: string, write: (output: WriteStream) => Promise<T>): Promise<T> {
  const target = path.resolve(out);
  const partial = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.partial`);
  const output = createWriteStream(partial);
  try {
    await once(output, "open").catch((error: NodeJS.ErrnoException) => {
      throw new UserFacingError(`Berkas ${out} tidak dapat ditulis (${error.code ?? error.message}).`);
    });
    const result = await write(output);
    if (!output.closed) await once(output, "close");
    renameSync(partial, target);
    return result;
  } catch (error) {
    output.destroy();
    rmSync(partial, { force: true });
    throw error;
  }
}
