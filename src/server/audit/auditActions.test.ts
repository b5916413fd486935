import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { auditActionLabel, isAuditActionKey } from '../../shared/audit';

/** Every action the server writes: the string after the actor in `audit(…)` and `….append(…)` calls. */
function recordedActions(): Set<string> {
  const root = join(import.meta.dirname, '..');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  const actions = new Set<string>();
  for (const file of files) {
    const source = readFileSync(join(root, file), 'utf8');
    for (const m of source.matchAll(/\baudit(?:\.append)?\(\s*[^,]+,\s*['`]([a-z.]+)(\$\{[^}]+\})?['`]/g)) {
      if (m[2]) for (const action of ['submit', 'approve', 'return', 'sign', 'reopen']) actions.add(`${m[1]}${action}`);
      else actions.add(m[1]);
    }
  }
  return actions;
}

it('names every action the server records, in Chinese', () => {
  const actions = recordedActions();
  expect(actions.size).toBeGreaterThan(30);
  for (const action of actions) {
    expect(isAuditActionKey(action) || action === 'submission.event', action).toBe(true);
    expect(auditActionLabel(action), action).toMatch(/^[\u4e00-\u9fff（）]+$/);
  }
});

