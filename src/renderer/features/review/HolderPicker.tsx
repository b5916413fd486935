/** The holders of a 会签 step, chosen from the users holding its role: one checkbox each. */
export function HolderPicker({ label, candidates, selected, onChange }: {
  label: string;
  candidates: Array<{ id: string; displayName: string }>;
  selected: string[];
  onChange: (ids: string[]) => void;
}) {
  const toggle = (id: string, on: boolean): void => {
    // Keep the order the candidates are listed in, whatever order they were ticked.
    onChange(candidates.map((c) => c.id).filter((cid) => (cid === id ? on : selected.includes(cid))));
  };
  return (
    <fieldset className="field holder-picker">
      <legend>{label}</legend>
      <div className="holder-options">
        {candidates.map((c) => (
          <label key={c.id} className="holder-option">
            <input type="checkbox" checked={selected.includes(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} />
            {c.displayName}
          </label>
        ))}
      </div>
      {selected.length > 0 && <span className="holder-count">已选 {selected.length} 位</span>}
    </fieldset>
  );
}
