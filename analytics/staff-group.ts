// Pure: the group (regu) of a Tim Kerja that a Ketua Tim leads (regulation C.8, C.13; decision 026). A group is
// a short name kept on each member's staff record; its identity is the team plus the name, so "Regu 1" of one
// team is not "Regu 1" of another.

/** Long enough for "Regu Pagi Telepon 2", short enough to sit in a table column. Matches the database check. */
export const GROUP_NAME_MAX = 40;

/** "  regu   1 " → "regu 1": spaces trimmed and collapsed, so one group is not two by a stray space. */
export function normalizeGroupName(text: string): string {
  return text.trim().replace(/\s+/g, " ");
}

/**
 * What is wrong with a group name as typed, in Indonesian, or null when it will do (empty means "no group"):
 * at most GROUP_NAME_MAX characters, beginning with a letter or a digit.
 */
export function groupNameProblem(text: string): string | null {
  const name = normalizeGroupName(text);
  if (name.length > GROUP_NAME_MAX) {
    return `Nama regu paling panjang ${GROUP_NAME_MAX} karakter (sekarang ${name.length}); singkatkan, misalnya "Regu 1".`;
  }
  // A name, not a formula or a stray mark: "=…", "+…", "-" are what a spreadsheet leaves behind.
  if (name !== "" && !/^[\p{L}\p{N}]/u.test(name)) {
    return 'Nama regu harus diawali huruf atau angka, misalnya "Regu 1" atau "2 Pagi".';
  }
  return null;
}

/**
 * The spelling a group already has in the team when `name` differs from it only in case ("regu 1" → "Regu 1"),
 * else `name`: one group is never split in two by capital letters.
 */
export function canonicalGroupName(name: string, existing: readonly string[]): string {
  const lower = name.toLocaleLowerCase("id-ID");
  return existing.find((e) => e.toLocaleLowerCase("id-ID") === lower) ?? name;
}
