import { ROLE_LABELS, ROLES } from "../../analytics/roles";

export function RoleCheckboxes({ selected, error }: { selected: readonly string[]; error?: string }) {
  return (
    <fieldset className="field" aria-describedby={error ? "roles-error" : undefined}>
      <legend>Peran</legend>
      <div className="checks">
        {ROLES.map((role) => (
          <label key={role}>
            <input type="checkbox" name="roles[]" value={role} defaultChecked={selected.includes(role)} />
            {ROLE_LABELS[role]}
          </label>
        ))}
      </div>
      {error && (
        <span className="error" id="roles-error">
          {error}
        </span>
      )}
    </fieldset>
  );
}
