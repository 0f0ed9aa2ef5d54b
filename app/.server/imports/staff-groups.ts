// The group (regu) column of a staff file (decision 026): what the import stages when a file has no such column,
// and the statement that settles each staged group before the checks.

/** Staged for a file without a group column (no group name can be a lone space): STAFF_GROUPS_SQL replaces it. */
export const KEEP_GROUP = " ";

/**
 * Before the staff checks: a group the file leaves out is the stored one (none for a new person, and none after
 * a move to another team, where the old team's group means nothing); a group named is spelt as the team already
 * spells it ("regu 1" joins "Regu 1"), as on the staff form.
 */
export const STAFF_GROUPS_SQL = `update staging_staff s set group_name = case
    when s.group_name = '${KEEP_GROUP}' then (select t.group_name from staff t where t.nip = s.nip and t.team_id = s.team_id)
    else coalesce((select min(t.group_name) from staff t
      where t.team_id = s.team_id and lower(t.group_name) = lower(s.group_name)), s.group_name)
  end
  where s.group_name is not null`;
