/** The document list's 发表目标 filter: documents tagged with one of this year's targets. */
import { useEffect, useState } from 'react';
import type { TargetDefinition } from '../../../core/targets/model';
import { currentYear } from './format';
import { ledgerApi } from '../../api/ledger';

export function TargetFilter({ value, onChange }: { value: string; onChange: (key: string) => void }) {
  const [targets, setTargets] = useState<TargetDefinition[]>([]);
  useEffect(() => {
    ledgerApi.targets(currentYear()).then((y) => setTargets(y.targets.filter((t) => t.rule.type !== 'manual')), () => undefined);
  }, []);
  return (
    <select aria-label="发表目标" value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">全部发表目标</option>
      {targets.map((t) => <option key={t.key} value={t.key}>{t.name}</option>)}
    </select>
  );
}
