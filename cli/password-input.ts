// Reads a password for the CLI: from a terminal with a hidden prompt (asked twice), or the first line of
// standard input when it is piped (`printf 'secret\n' | npm run mutu -- user add …`).
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { UserFacingError } from "../app/.server/errors";

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}

function askHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
    muted = true;
  });
}

export async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const line = (await readAllStdin()).split(/\r?\n/)[0] ?? "";
    if (!line)
      throw new UserFacingError("Kata sandi kosong: kirim kata sandi melalui stdin atau jalankan di terminal.");
    return line;
  }
  const first = await askHidden("Kata sandi: ");
  const second = await askHidden("Ulangi kata sandi: ");
  if (first !== second) throw new UserFacingError("Kedua kata sandi tidak sama.");
  return first;
}
