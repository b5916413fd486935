/**
 * The holders of a 会签 step, one checkbox each, each with their 部门 beside the name. For a step
 * drawing on departments the candidates are grouped under each listed department, with what each still
 * needs (at least one holder).
 */
type Candidate = { id: string; displayName: string; department?: string | null };

function Option({ candidate, checked, onToggle, showDepartment }: { candidate: Candidate; checked: boolean; onToggle: (on: boolean) => void; showDepartment: boolean }) {
  return (
    <label className="holder-option">
      <input type="checkbox" checked={checked} onChange={(e) => onToggle(e.target.checked)} />
      {candidate.displayName}
      {showDepartment && candidate.department && <span className="holder-department">{candidate.department}</span>}
    </label>
  );
}

export function HolderPicker({ label, candidates, selected, onChange, departments }: {
  label: string;
  candidates: Candidate[];
  selected: string[];
  onChange: (ids: string[]) => void;
  /** The departments the step draws on (absent: a role-based step). */
  departments?: readonly string[];
}) {
  const toggle = (id: string, on: boolean): void => {
    // Keep the order the candidates are listed in, whatever order they were ticked.
    onChange(candidates.map((c) => c.id).filter((cid) => (cid === id ? on : selected.includes(cid))));
  };
  const option = (c: Candidate, showDepartment: boolean) => (
    <Option key={c.id} candidate={c} checked={selected.includes(c.id)} onToggle={(on) => toggle(c.id, on)} showDepartment={showDepartment} />
  );
  return (
    <fieldset className="field holder-picker">
      <legend>{label}</legend>
      {departments ? departments.map((d) => {
        const members = candidates.filter((c) => c.department === d);
        const chosen = members.filter((c) => selected.includes(c.id)).length;
        return (
          <div key={d} className="holder-group" role="group" aria-label={d}>
            <span className="holder-group-name">{d}</span>
            <span className={chosen > 0 ? 'holder-group-state' : 'holder-group-state needs'}>
              {members.length === 0 ? '本部门暂无可选人员，请联系管理员' : chosen > 0 ? `已选 ${chosen} 位` : '请至少选一位'}
            </span>
            <div className="holder-options">{members.map((c) => option(c, false))}</div>
          </div>
        );
      }) : <div className="holder-options">{candidates.map((c) => option(c, true))}</div>}
      {selected.length > 0 && <span className="holder-count">已选 {selected.length} 位</span>}
    </fieldset>
  );
}
