/**
 * Where a 会签 step's holders come from, in the 审核流程 editor: from everyone holding the step's role
 * (the default), or from the listed departments — typed (separated by 、 or commas) or picked from the
 * departments the office's users have. A listed department nobody belongs to is pointed out.
 */
import { useState } from 'react';
import type { Checkpoint } from '../../../core/domain/workflow';

/** The departments typed in `text`, each once, in order (、，, ; and spaces separate them). */
export function parseDepartments(text: string): string[] {
  return [...new Set(text.split(/[、,，;；\s]+/).map((d) => d.trim()).filter(Boolean))];
}

export function CountersignSource({ label, checkpoint, known, onChange }: {
  /** The step's accessible name prefix (`公文第2环节`). */
  label: string;
  checkpoint: Checkpoint;
  /** The departments the office's users have (for picking and for the warning). */
  known: readonly string[];
  onChange: (patch: Partial<Checkpoint>) => void;
}) {
  const listed = checkpoint.departments ?? [];
  const [text, setText] = useState(listed.join('、'));
  const byDepartments = checkpoint.holdersFrom === 'departments';
  const setList = (next: string[], raw = next.join('、')): void => {
    setText(raw);
    onChange({ departments: next });
  };
  const unknown = listed.filter((d) => !known.includes(d));
  const pickable = known.filter((d) => !listed.includes(d));
  return (
    <div className="chain-source">
      <select aria-label={`${label}会签人来源`} value={byDepartments ? 'departments' : 'roles'}
        onChange={(e) => onChange(e.target.value === 'departments'
          ? { holdersFrom: 'departments', departments: parseDepartments(text) }
          : { holdersFrom: undefined, departments: undefined })}>
        <option value="roles">会签人：按角色选择</option>
        <option value="departments">会签人：按部门选择（每部门至少一位）</option>
      </select>
      {byDepartments && (
        <>
          <input aria-label={`${label}会签部门`} value={text} placeholder="会签部门，用顿号分隔，如：办公室、财务科"
            onChange={(e) => setList(parseDepartments(e.target.value), e.target.value)} />
          {pickable.length > 0 && (
            <span className="chain-source-pick" role="group" aria-label={`${label}可选部门`}>
              {pickable.map((d) => (
                <button key={d} type="button" className="button small ghost" onClick={() => setList([...listed, d])}>+ {d}</button>
              ))}
            </span>
          )}
          {unknown.length > 0 && <span className="chain-source-warn">{unknown.map((d) => `“${d}”`).join('、')}暂无人员，请先在用户管理中设置部门</span>}
        </>
      )}
    </div>
  );
}
