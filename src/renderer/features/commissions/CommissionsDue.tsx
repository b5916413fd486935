/** 待办's 约稿 section: the user's 约稿 not yet answered, nearest deadline first, warned when near or past. */
import { useCurrentSession } from '../../app/session';
import { templatesApi } from '../../api/templates';
import { ErrorText } from '../../ui/Notice';
import { useLoad } from '../../ui/useLoad';
import { CommissionTable } from './CommissionTable';

export function CommissionsDue() {
  const { user } = useCurrentSession();
  const loaded = useLoad((signal) => templatesApi.commissions({ mine: true }, signal).then((r) => r.commissions), []);
  const waiting = (loaded.data ?? []).filter((c) => !c.cancelled && !c.documentId && c.status !== 'answered');
  if (loaded.data === null && !loaded.error) return null;
  return (
    <section className="inbox-section" aria-label="约稿">
      <h2 className="inbox-title">约稿<span className="inbox-count">{waiting.length}</span></h2>
      <ErrorText message={loaded.error} />
      {waiting.length === 0 ? <p className="inbox-empty">没有待报的约稿</p>
        : <CommissionTable commissions={waiting} userId={user.id} manage={false} onChanged={loaded.reload} />}
    </section>
  );
}
