/** Role checkboxes labelled with ROLE_LABELS. */
import { ROLE_LABELS, ROLES, type Role } from '../../../core/domain/roles';

export function RoleCheckboxes({ value, onChange, disabledRoles = [] }: {
  value: Role[];
  onChange: (roles: Role[]) => void;
  disabledRoles?: Role[];
}) {
  const toggle = (role: Role, on: boolean) => {
    const next = new Set(value);
    if (on) next.add(role);
    else next.delete(role);
    onChange(ROLES.filter((r) => next.has(r)));
  };
  return (
    <fieldset className="roles">
      <legend>角色</legend>
      {ROLES.map((role) => (
        <label key={role} className="check">
          <input
            type="checkbox"
            checked={value.includes(role)}
            disabled={disabledRoles.includes(role)}
            onChange={(e) => toggle(role, e.target.checked)}
          />
          {ROLE_LABELS[role]}
        </label>
      ))}
    </fieldset>
  );
}
