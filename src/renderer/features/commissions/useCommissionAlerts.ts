/**
 * How many of the user's 约稿 need attention now: unanswered and within their warning window or past
 * their deadline. Fetched again whenever `key` changes (the page the user moves to).
 */
import { templatesApi } from '../../api/templates';
import { useLoad } from '../../ui/useLoad';

export function useCommissionAlerts(key: string): number {
  const loaded = useLoad((signal) => templatesApi.commissions({ mine: true }, signal).then((r) => r.commissions), [key]);
  return (loaded.data ?? []).filter((c) => !c.cancelled && !c.documentId && (c.status === 'due-soon' || c.status === 'missed')).length;
}
