import type { Logger } from 'pino';
import { shanghaiDate } from '../../core/targets/dates';
import type { CalendarDate } from '../../core/targets/model';
import type { User } from '../../shared/api';
import type { SubmissionLedger } from '../ledger/submissionLedger';
import type { Audit } from '../services';
import type { CommissionStore } from './commissionStore';

const HOUR_MS = 3_600_000;

/**
 * Records the `missed` event of every 约稿 not answered by its deadline, itself: one ledger row per
 * 约稿 (outlet, topic, the asked writer as author) with a `missed` event dated on the deadline, which
 * the year's points table scores (its `missed` penalty, and the two-miss rule when set). Runs at
 * start, hourly, and before 约稿 are listed; each 约稿 is recorded once, even by concurrent sweeps.
 */
export class CommissionSweeper {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(private readonly deps: {
    commissions: CommissionStore;
    submissions: Pick<SubmissionLedger, 'insert'>;
    audit: Audit;
    log: Pick<Logger, 'error'>;
  }) {}

  /** Records what is due as of `today` (default: now in Shanghai); returns how many it recorded. */
  sweep(today: CalendarDate = shanghaiDate(new Date())): Promise<number> {
    this.running ??= this.run(today).finally(() => { this.running = null; });
    return this.running;
  }

  private async run(today: CalendarDate): Promise<number> {
    const { commissions, submissions, audit } = this.deps;
    let recorded = 0;
    for (const due of await commissions.due(today)) {
      if (!(await commissions.claimMissed(due.id))) continue;
      try {
        const recorder: User = { id: due.createdBy, username: '', displayName: '', roles: [], disabled: false };
        const [submissionId] = await submissions.insert(recorder, [{
          documentId: null, title: `约稿：${due.topic}`, kind: due.kind, authors: [due.assigneeName], outletId: due.outletId,
          events: [{ type: 'missed', on: due.deadline, summary: '约稿逾期未报（系统自动记录）' }],
        }]);
        await commissions.markMissed(due.id, submissionId);
        await audit(null, 'commission.missed', due.id, { submissionId, deadline: due.deadline });
        recorded += 1;
      } catch (err) {
        await commissions.markMissed(due.id, null);
        throw err;
      }
    }
    return recorded;
  }

  /** Sweeps now and then hourly until `stop`. */
  start(): void {
    const tick = () => { this.sweep().catch((err: unknown) => this.deps.log.error({ err }, 'could not record missed 约稿')); };
    tick();
    this.timer = setInterval(tick, HOUR_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
