/**
 * 文稿属性: the properties the Word layouts print (发文字号, 主送机关, 期号, …), the fields the document's
 * kind needs, checked as the user types and saved with PATCH /api/documents/:id {properties}.
 */
import { useEffect, useMemo, useState } from 'react';
import type { DocumentDetail, DocumentProperties } from '../../../shared/api';
import { errorMessage } from '../../api/client';
import { deskApi } from '../../api/desk';
import { ErrorText } from '../../ui/Notice';
import { propertyFields, type PropertyField } from './propertyFields';
import { useRegisters, type RegisterReport } from './useRegisters';
import './properties.css';

type Draft = Record<string, string>;

function toDraft(properties: DocumentProperties): Draft {
  return Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, Array.isArray(v) ? v.join('\n') : v]));
}

function fromDraft(draft: Draft, fields: readonly PropertyField[], original: DocumentProperties): DocumentProperties {
  const out: DocumentProperties = { ...original };
  for (const field of fields) {
    const value = (draft[field.key] ?? '').trim();
    if (field.type === 'lines') {
      const items = value.split('\n').map((s) => s.trim()).filter(Boolean);
      if (items.length > 0) out[field.key] = items;
      else delete out[field.key];
    } else if (value) out[field.key] = value;
    else delete out[field.key];
  }
  return out;
}

export function PropertiesPanel({ document, onSaved }: { document: DocumentDetail; onSaved: (d: DocumentDetail) => void }) {
  const fields = useMemo(() => propertyFields(document.kind), [document.kind]);
  const [draft, setDraft] = useState<Draft>(() => toDraft(document.properties));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => setDraft(toDraft(document.properties)), [document.properties]);

  const { report: registers, error: registersError } = useRegisters(document.id, document.properties);
  const problems = Object.fromEntries(fields.map((f) => [f.key, f.check?.(draft[f.key] ?? '') ?? null]));
  const invalid = Object.values(problems).some(Boolean);
  const editable = document.access.canEdit;
  const set = (key: string, value: string) => { setSaved(false); setDraft((d) => ({ ...d, [key]: value })); };

  const save = async () => {
    if (invalid) return;
    setSaving(true);
    setError(null);
    try {
      onSaved(await deskApi.updateDocument(document.id, { properties: fromDraft(draft, fields, document.properties) }));
      setSaved(true);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="side-section properties-panel" aria-labelledby="properties-title">
      <h2 id="properties-title" className="side-title">文稿属性</h2>
      <form onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate>
        {fields.filter((f) => !f.when || draft[f.when] === '是').map((field) => {
          const id = `property-${field.key}`;
          const problem = problems[field.key];
          const common = {
            id, disabled: !editable, 'aria-invalid': problem ? true : undefined,
            'aria-describedby': problem ? `${id}-problem` : undefined,
          };
          return (
            <div className="field" key={field.key}>
              <label htmlFor={id}><span>{field.key}</span></label>
              {field.type === 'yesno' ? (
                <select {...common} value={draft[field.key] === '是' ? '是' : '否'} onChange={(e) => set(field.key, e.target.value)}>
                  <option value="否">否</option><option value="是">是</option>
                </select>
              ) : field.type === 'choice' ? (
                <select {...common} value={draft[field.key] ?? ''} onChange={(e) => set(field.key, e.target.value)}>
                  {(field.choices ?? []).map((c) => <option key={c} value={c}>{c || '（无）'}</option>)}
                </select>
              ) : field.type === 'lines' ? (
                <textarea {...common} rows={3} placeholder={field.placeholder} value={draft[field.key] ?? ''} onChange={(e) => set(field.key, e.target.value)} />
              ) : (
                <input {...common} placeholder={field.placeholder} value={draft[field.key] ?? ''} onChange={(e) => set(field.key, e.target.value)} />
              )}
              {problem && <small id={`${id}-problem`} className="field-problem" role="alert">{problem}</small>}
              <RegisterHints field={field.key} report={registers} current={draft[field.key] ?? ''} editable={editable} onUse={(v) => set(field.key, v)} />
            </div>
          );
        })}
        {editable && (
          <button type="submit" className="button small primary" disabled={saving || invalid}>
            {saving ? '正在保存…' : '保存属性'}
          </button>
        )}
        {saved && <span className="properties-saved" role="status">已保存</span>}
        <ErrorText message={error ?? registersError} />
      </form>
    </section>
  );
}

/** Under 发文字号 and 期号: the register's next number (one click to use it) and a clash warning. */
function RegisterHints({ field, report, current, editable, onUse }: {
  field: string; report: RegisterReport | null; current: string; editable: boolean; onUse: (value: string) => void;
}) {
  if (!report || (field !== '发文字号' && field !== '期号')) return null;
  const suggestion = report.suggestions[field];
  const clashes = report.duplicates[field] ?? [];
  return (
    <>
      {clashes.length > 0 && (
        <small className="field-problem" role="alert">
          此编号已被{clashes.map((c) => `《${c.title}》`).join('、')}使用
        </small>
      )}
      {suggestion && suggestion !== current.trim() && editable && (
        <small className="register-hint">
          下一个编号：{suggestion}
          <button type="button" className="button ghost small" onClick={() => onUse(suggestion)}>使用</button>
        </small>
      )}
    </>
  );
}
