import { countBySeverity, type PlacedFinding } from '../../core/proofing';
import type { ProofReport } from '../../shared/proofing';
import type { ContentSnapshot } from '../review/contentReader';
import { DeskError } from '../errors';
import type { ProofingStore } from './proofingStore';
import type { HeavyWork } from '../work/heavyWork';

const SHOWN_IN_REFUSAL = 3;

export interface ProofRun { findings: Array<PlacedFinding & { ignored: boolean }>; report: ProofReport }

/**
 * The proofreading gate of submit and sign: a run over the content being submitted or signed, with
 * the findings someone ignored set aside. Any 错误 left refuses the transition, naming the first few.
 */
export class ProofreadingGate {
  constructor(private readonly store: ProofingStore, private readonly work: HeavyWork) {}

  async run(documentId: string, content: ContentSnapshot): Promise<ProofRun> {
    const lists = await this.store.versionedLists();
    const ignored = await this.store.ignoredFingerprints(documentId);
    const run = await this.work.run('proofreadCanonical', { lists, canonicalText: content.canonicalText });
    const { versions } = run;
    const findings = run.findings.map((f) => ({ ...f, ignored: ignored.has(f.fingerprint) }));
    const open = findings.filter((f) => !f.ignored);
    return {
      findings,
      report: { checkedAt: new Date().toISOString(), ...countBySeverity(open), ignored: findings.length - open.length, versions },
    };
  }

  /** The report to store with the transition; throws 409 while an error is neither fixed nor ignored. */
  async check(documentId: string, content: ContentSnapshot): Promise<ProofReport> {
    const { findings, report } = await this.run(documentId, content);
    const errors = findings.filter((f) => !f.ignored && f.severity === 'error');
    if (errors.length > 0) {
      const listed = errors.slice(0, SHOWN_IN_REFUSAL).map((f) => `“${excerpt(f)}”${f.message}`).join('；');
      const more = errors.length > SHOWN_IN_REFUSAL ? `等` : '';
      throw new DeskError('conflict', `审校发现 ${errors.length} 处错误未处理：${listed}${more}。请修改或忽略后再试`);
    }
    return report;
  }
}

function excerpt(f: PlacedFinding): string {
  const from = Math.max(0, f.start - 4);
  const to = Math.min(f.text.length, Math.max(f.end, f.start + 1) + 4);
  return f.text.slice(from, to).replace(/\s+/g, ' ');
}
