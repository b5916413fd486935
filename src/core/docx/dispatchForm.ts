/**
 * The 发文稿纸 (发文处理笺) as data: what the form shows, gathered from a piece, its chain and the
 * history of its current round of review. Pure: dispatchFormDocx.ts lays it out as a Word table.
 * A 公文 shows 发文字号, 密级, 紧急程度, 主送, 抄送, 印发份数 and 附件; the other kinds show their own
 * fields (期号, 报/送/发, 共印; 署名, 日期). Before 定稿 the form names the steps still pending.
 */
import type { Checkpoint, CheckpointChain, WorkflowAction, WorkflowState } from '../domain/workflow';
import { shanghaiDate } from '../targets/dates';
import { propertyList, propertyText, type PropertyMap } from './documentProperties';

/** One entry of the piece's history, as the form reads it. */
export interface FormHistoryEntry {
  action: WorkflowAction;
  /** The checkpoint the action was taken at (approve, sign, return), null for submit and reopen. */
  checkpoint: string | null;
  actorName: string;
  at: string;
  /** The history entry's comment (today's opinion field; see opinionOf). */
  comment: string;
  /** A future `opinion` field on transitions; preferred to the comment when present. */
  opinion?: string | null;
  /** The 部门 a 会签 holder was named for, when known (shown before their name in the 会签 box). */
  actorDepartment?: string | null;
}

/**
 * The opinion an entry carries: the one place that decides where opinions are read from, so that
 * it moves to the transitions' own `opinion` field in one line (today the history's comment).
 */
export function opinionOf(entry: Pick<FormHistoryEntry, 'comment' | 'opinion'>): string {
  return (entry.opinion ?? entry.comment).trim();
}

/** Whether a checkpoint is a 会签 step (a flag from the chain editor, or its name). */
export function isCountersign(checkpoint: Checkpoint & { countersign?: boolean; type?: string }): boolean {
  return checkpoint.countersign === true || checkpoint.type === 'countersign' || checkpoint.name.includes('会签');
}

/** One signature on the form: who, at which step, what they wrote and when (a Shanghai date); a 会签 holder's 部门 when known. */
export interface FormSignature { step: string; name: string; opinion: string; date: string; department?: string }

/** A box of the form: the signatures of one kind of step, or what is pending there. */
export interface FormBox { label: string; signatures: FormSignature[]; pending: string[] }

export interface DispatchForm {
  /** The form's heading: 发文稿纸 for a 公文, the kind's own name otherwise. */
  heading: string;
  title: string;
  sign: FormBox;
  countersign: FormBox;
  check: FormBox;
  drafter: { unit: string; name: string; date: string };
  /** The kind's own fields, label and value, in the form's order; `wide` ones take a whole row. */
  fields: FormField[];
  /** The approved content hash ('' before any approval) and what it vouches for. */
  contentHash: string;
  hashNote: string;
  /** True when 定稿; otherwise `pending` names the steps still to come. */
  final: boolean;
  pending: string[];
}

/** A field of the form: short ones share a row two by two. */
export interface FormField { label: string; value: string; wide?: boolean }

export interface DispatchFormInput {
  kind: string;
  title: string;
  properties: PropertyMap;
  state: WorkflowState;
  chain: CheckpointChain;
  ownerName: string;
  /** The whole history, oldest first; the form reads the current round (from the last submit). */
  history: readonly FormHistoryEntry[];
  /** The hash of the signature that made the piece 定稿, or of the last approval; null when none. */
  approvedHash: string | null;
  /** The checkpoint the piece stands at while in review (a 会签 step before it is done). */
  checkpointIndex?: number | null;
}

/** `2023年9月10日` for an ISO instant, in Asia/Shanghai ('' for none). */
export function formDate(at: string | null | undefined): string {
  if (!at) return '';
  const [year, month, day] = shanghaiDate(at).split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

const HEADINGS: Record<string, string> = {
  official: '发文稿纸', info: '政务信息签发单', comprehensive: '文稿审签单', research: '调研报告审签单', media: '媒体稿件审签单',
};

function kindFields(kind: string, p: PropertyMap): FormField[] {
  const text = (key: string) => propertyText(p, key);
  if (kind === 'official') {
    const secrecy = [text('密级'), text('保密期限')].filter(Boolean).join('★');
    return [
      { label: '发文字号', value: text('发文字号') },
      { label: '密级', value: secrecy || '无' },
      { label: '紧急程度', value: text('紧急程度') || '无' },
      { label: '印发份数', value: text('印发份数') || text('印数') },
      { label: '主送', value: text('主送机关'), wide: true },
      { label: '抄送', value: text('抄送'), wide: true },
      { label: '附件', value: propertyList(p, '附件').map((name, i, all) => (all.length > 1 ? `${i + 1}.${name}` : name)).join('；') || '无', wide: true },
    ];
  }
  if (kind === 'info') {
    return [
      { label: '期号', value: text('期号') },
      { label: '密级', value: text('密级') || '无' },
      { label: '共印', value: text('共印') ? `${text('共印')}份` : '' },
      { label: '报', value: text('报'), wide: true },
      { label: '送', value: text('送'), wide: true },
      { label: '发', value: text('发'), wide: true },
    ];
  }
  return [{ label: '署名', value: text('署名') }, { label: '日期', value: text('日期') }];
}

/** The entries of the current round: from the last submit on (nothing before a first submit). */
function currentRound(history: readonly FormHistoryEntry[]): FormHistoryEntry[] {
  let start = -1;
  history.forEach((entry, i) => { if (entry.action === 'submit') start = i; });
  return start < 0 ? [] : history.slice(start);
}

/** Builds the form's data from the piece and its history (see the module comment). */
export function dispatchForm(input: DispatchFormInput): DispatchForm {
  const round = currentRound(input.history);
  const submit = round[0];
  const vouched = round.filter((e) => e.action === 'approve' || e.action === 'sign');
  const final = input.state === 'final';
  // A step is done when someone vouched at it after the last return (a return sends the round back).
  let lastReturn = -1;
  round.forEach((entry, i) => { if (entry.action === 'return') lastReturn = i; });
  const live = lastReturn < 0 ? vouched : round.slice(lastReturn + 1).filter((e) => e.action === 'approve' || e.action === 'sign');
  const boxes = { sign: box('签发'), countersign: box('会签'), check: box('核稿') };
  // A 会签 step is done only once the piece has moved past it (every holder approved), not at its first approval.
  const passed = (index: number): boolean => input.state === 'review' && input.checkpointIndex !== undefined
    && input.checkpointIndex !== null && input.checkpointIndex > index;
  const done = (checkpoint: Checkpoint, index: number): boolean => final
    || (isCountersign(checkpoint) ? passed(index) : live.some((e) => e.checkpoint === checkpoint.name));
  input.chain.checkpoints.forEach((checkpoint, index) => {
    const target = checkpoint.role === 'signer' ? boxes.sign : isCountersign(checkpoint) ? boxes.countersign : boxes.check;
    const at = live.filter((e) => e.checkpoint === checkpoint.name);
    target.signatures.push(...at.map((e) => ({
      step: checkpoint.name, name: e.actorName, opinion: opinionOf(e), date: formDate(e.at),
      ...(target === boxes.countersign && e.actorDepartment && { department: e.actorDepartment }),
    })));
    if (!done(checkpoint, index)) target.pending.push(checkpoint.name);
  });
  const pending = input.chain.checkpoints.filter((c, index) => !done(c, index)).map((c) => c.name);
  const unit = propertyText(input.properties, '拟稿单位') || propertyText(input.properties, '发文机关署名')
    || propertyText(input.properties, '编发单位') || propertyText(input.properties, '署名');
  const hash = input.approvedHash ?? '';
  return {
    heading: HEADINGS[input.kind] ?? '文稿审签单',
    title: propertyText(input.properties, '标题') || input.title,
    ...boxes,
    drafter: { unit, name: submit?.actorName ?? input.ownerName, date: formDate(submit?.at) },
    fields: kindFields(input.kind, input.properties),
    contentHash: hash,
    hashNote: final ? '签发时的内容校验码' : hash ? '最近一次审核通过时的内容校验码（尚未定稿）' : '尚无审核通过的内容',
    final,
    pending: input.state === 'draft' || input.state === 'returned' ? [input.chain.draftName, ...pending.filter((p) => p !== input.chain.draftName)] : pending,
  };
}

function box(label: string): FormBox {
  return { label, signatures: [], pending: [] };
}
