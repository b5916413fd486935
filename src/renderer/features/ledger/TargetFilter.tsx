/** The document list's 发表目标 filter: documents tagged with one of this year's targets. */
import { currentYear } from './format';
import { ledgerApi } from '../../api/ledger';
import { useLoad } from '../../ui/useLoad';

/** The filter's select; when this year's targets cannot be loaded, it says so in its title. */
export function TargetFilter({ value, onChange }: { value: string; onChange: (key: string) => void }) {
  const loaded = useLoad(async () => (await ledgerApi.targets(currentYear())).targets.filter((t) => t.rule.type !== 'manual'), []);
  const targets = loaded.data ?? [];
  return (
    <select aria-label="发表目标" value={value} title={loaded.error ?? undefined} onChange={(e) => onChange(e.target.value)}>
      <option value="">全部发表目标</option>
      {targets.map((t) => <option key={t.key} value={t.key}>{t.name}</option>)}
    </select>
  );
}
