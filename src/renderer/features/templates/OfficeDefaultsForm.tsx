/** One kind's office defaults (单位默认信息): its fields, saved together with PUT /api/office-defaults/:kind. */
import { useEffect, useState } from 'react';
import { KIND_LABELS, type DocumentKind } from '../../../core/domain/kinds';
import { errorMessage } from '../../api/client';
import { templatesApi } from '../../api/templates';
import { ErrorText } from '../../ui/Notice';
import { useLoad } from '../../ui/useLoad';

export function OfficeDefaultsForm({ kind }: { kind: DocumentKind }) {
  const loaded = useLoad((signal) => templatesApi.defaults(signal).then((r) => r.kinds.find((k) => k.kind === kind) ?? null), [kind]);
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => { if (loaded.data) setValues(loaded.data.values); }, [loaded.data]);
  const fields = loaded.data?.fields ?? [];
  if (fields.length === 0) return null;

  const save = async () => {
    setError(null);
    try {
      const result = await templatesApi.setDefaults(kind, Object.fromEntries(fields.map((f) => [f, values[f] ?? ''])));
      setValues(result.kinds.find((k) => k.kind === kind)?.values ?? {});
      setSaved(true);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  return (
    <form className="office-defaults" aria-label={`${KIND_LABELS[kind]}单位默认信息`} onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <h3>单位默认信息</h3>
      <div className="office-defaults-grid">
        {fields.map((field) => (
          <label key={field} className="field">
            <span>{field}</span>
            <input value={values[field] ?? ''} onChange={(e) => { setSaved(false); setValues((v) => ({ ...v, [field]: e.target.value })); }}
              maxLength={500} placeholder="未设置" />
          </label>
        ))}
      </div>
      <button type="submit" className="button small primary">保存默认信息</button>
      {saved && <span className="defaults-saved" role="status">已保存</span>}
      <ErrorText message={error ?? loaded.error} />
    </form>
  );
}
