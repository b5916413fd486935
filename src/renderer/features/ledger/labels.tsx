/** Small labelled tags for statuses and levels, shared by the ledger, the catalog and the dashboard. */
import type { OutletLevel, SubmissionStatus } from '../../../core/targets/model';
import { OUTLET_LEVEL_LABELS, STATUS_LABELS } from '../../../shared/ledger';

export function StatusTag({ status }: { status: SubmissionStatus }) {
  return <span className={`state-tag ledger-status-${status}`}>{STATUS_LABELS[status]}</span>;
}

export function LevelTag({ level }: { level: OutletLevel }) {
  return <span className={`level-tag level-${level}`}>{OUTLET_LEVEL_LABELS[level]}</span>;
}
