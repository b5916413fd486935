/**
 * The four editors of 审校词表: 规范表述 (rows of 不规范 → 规范), 错别字 (rows of 错误写法 → 正确写法),
 * 敏感词 (one word per line) and 领导名单 (排位, 姓名, 职务). Each keeps its draft, checks it, saves its
 * list as a whole and says so; 导入 adds the rows of an .xlsx or .csv to the draft, to check and save.
 */
import { useState, type ReactNode } from 'react';
import { SEVERITY_NAMES, type SensitiveEntry, type Severity } from '../../../core/proofing/types';
import { PROOFING_LIST_LIMITS, type ListImport, type ProofingListName, type ProofingLists } from '../../../shared/proofing';
import { errorMessage } from '../../api/client';
import { proofingApi } from '../../api/proofing';
import { openFile } from '../../platform/desk';
import { ErrorText } from '../../ui/Notice';
import {
  appendNew, blankLeaderRow, blankPhrasingRow, blankTypoRow, checkLeaders, checkPhrasing, checkSensitive, checkTypos, leaderRows,
  phrasingRows, sameRows, sensitiveText, typoRows, type Checked, type LeaderRow, type PhrasingRow, type TypoRow,
} from './proofingDrafts';

const SHEET_FILTER = [{ name: '表格（.xlsx、.csv）', extensions: ['xlsx', 'csv'] }];

/**
 * 导入: reads a spreadsheet on the server into entries of list `name`, hands them to `onImported`
 * (which adds the new ones to the draft and says how many) and shows what happened.
 */
function ImportButton<N extends ProofingListName>({ name, onImported }: {
  name: N;
  onImported: (entries: ListImport<N>['entries']) => { added: number; present: number };
}) {
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pick = async (): Promise<void> => {
    const file = await openFile(SHEET_FILTER);
    if (!file) return;
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const result = await proofingApi.importList(name, file.name, file.bytes);
      const { added, present } = onImported(result.entries);
      const skipped = result.skipped.slice(0, 3).map((s) => `第 ${s.row} 行：${s.reason}`).join('；');
      setReport([`从“${file.name}”读到 ${result.rows} 行，新增 ${added} 条`, present > 0 ? `${present} 条已在表中` : '',
        result.skipped.length > 0 ? `跳过 ${result.skipped.length} 行（${skipped}${result.skipped.length > 3 ? '等' : ''}）` : '',
        added > 0 ? '检查后点“保存”生效' : ''].filter(Boolean).join('，'));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="button small" disabled={busy} onClick={() => void pick()}
        title="从 .xlsx 或 .csv（UTF-8 或 GBK）导入，第一行可以是表头">{busy ? '正在导入…' : '导入…'}</button>
      {(report || error) && (
        <span className="lists-import" role="status">{error ? <span className="error-text">{error}</span> : report}</span>
      )}
    </>
  );
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'hint'];

export interface EditorProps<N extends ProofingListName> {
  initial: ProofingLists[N];
  onDirty: (dirty: boolean) => void;
  onSaved: (entries: ProofingLists[N]) => void;
}

/** Checks and saves one list; the saved entries become the new baseline. */
function useListSaver<N extends ProofingListName>(name: N, initial: ProofingLists[N]) {
  const [saved, setSaved] = useState<ProofingLists[N]>(initial);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const save = async (checked: Checked<ProofingLists[N]>): Promise<ProofingLists[N] | null> => {
    setDone(false);
    if (!checked.ok) { setError(checked.message); return null; }
    setError(null);
    setBusy(true);
    try {
      const reply = await proofingApi.saveList(name, checked.entries);
      setSaved(reply[name]);
      setDone(true);
      return reply[name];
    } catch (caught) {
      setError(errorMessage(caught));
      return null;
    } finally {
      setBusy(false);
    }
  };
  return { saved, error, done, busy, save, edited: () => setDone(false) };
}

function ListFooter({ count, dirty, done, busy, onSave, children }: {
  count: string; dirty: boolean; done: boolean; busy: boolean; onSave: () => void; children?: ReactNode;
}) {
  return (
    <div className="lists-foot">
      {children}
      <span className="lists-count">{count}</span>
      <span className="lists-state" role="status">
        {dirty ? <span className="muted">有未保存的修改</span> : done && <span className="lists-saved">已保存</span>}
      </span>
      <button type="button" className="button small primary" disabled={!dirty || busy} onClick={onSave}>
        {busy ? '正在保存…' : '保存'}
      </button>
    </div>
  );
}

/** How a list is edited as rows: read from entries, a new row, and the check back into entries. */
interface RowList<N extends ProofingListName, R extends { key: string }> {
  toRows: (entries: ProofingLists[N]) => R[];
  blank: (rows: readonly R[]) => R;
  check: (rows: readonly R[]) => Checked<ProofingLists[N]>;
}

/** A list's rows as edited, with its save state. */
interface RowDraft<R extends { key: string }> {
  rows: R[];
  /** The row 添加一行 made last, to focus. */
  added: string | null;
  dirty: boolean;
  error: string | null;
  done: boolean;
  busy: boolean;
  update: (key: string, patch: Partial<R>) => void;
  add: () => void;
  /** Adds imported rows whose key the draft does not hold yet. */
  append: (imported: readonly R[], keyOf: (row: R) => string) => { added: number; present: number };
  remove: (key: string) => void;
  save: () => Promise<void>;
}

/** A list's rows as edited: changes report dirtiness, and a save makes the saved rows the new baseline. */
function useRowDraft<N extends ProofingListName, R extends { key: string }>(
  name: N, list: RowList<N, R>, { initial, onDirty, onSaved }: EditorProps<N>,
): RowDraft<R> {
  const saver = useListSaver(name, initial);
  const [baseline, setBaseline] = useState(() => list.toRows(initial));
  const [rows, setRows] = useState(baseline);
  const [added, setAdded] = useState<string | null>(null);

  const change = (next: R[]): void => { setRows(next); saver.edited(); onDirty(!sameRows(next, baseline)); };
  return {
    rows, added, dirty: !sameRows(rows, baseline), error: saver.error, done: saver.done, busy: saver.busy,
    update: (key, patch) => change(rows.map((r) => (r.key === key ? { ...r, ...patch } : r))),
    add: () => { const row = list.blank(rows); setAdded(row.key); change([...rows, row]); },
    append: (imported, keyOf) => {
      const merged = appendNew(rows, imported, keyOf);
      if (merged.added > 0) change(merged.rows);
      return merged;
    },
    remove: (key) => change(rows.filter((r) => r.key !== key)),
    save: async () => {
      const entries = await saver.save(list.check(rows));
      if (!entries) return;
      const fresh = list.toRows(entries);
      setBaseline(fresh);
      setRows(fresh);
      onDirty(false);
      onSaved(entries);
    },
  };
}

/** The rows as a table with 删除 on each, then the error, the count and 添加一行 beside 保存. */
function RowTable<R extends { key: string }>({ draft, columns, cells, empty, count, tools }: {
  draft: RowDraft<R>;
  /** More buttons beside 添加一行 (导入). */
  tools?: ReactNode;
  /** The header cells, before the 操作 column. */
  columns: ReactNode;
  /** A row's cells, before its 删除 button; `i` counts from 0. */
  cells: (row: R, i: number) => ReactNode;
  empty: string;
  count: string;
}) {
  const { rows } = draft;
  return (
    <>
      <div className="lists-scroll">
        <table className="lists-table">
          <thead>
            <tr>
              {columns}
              <th scope="col"><span className="visually-hidden">操作</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={row.key}>
                {cells(row, i)}
                <td className="lists-remove">
                  <button type="button" className="button small ghost" aria-label={`删除第 ${i + 1} 行`}
                    onClick={() => draft.remove(row.key)}>删除</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="lists-empty">{empty}</p>}
      </div>
      <ErrorText message={draft.error} />
      <ListFooter count={count} dirty={draft.dirty} done={draft.done} busy={draft.busy} onSave={() => void draft.save()}>
        <button type="button" className="button small" onClick={draft.add}>添加一行</button>
        {tools}
      </ListFooter>
    </>
  );
}

const PHRASING: RowList<'phrasing', PhrasingRow> = { toRows: phrasingRows, blank: blankPhrasingRow, check: checkPhrasing };
const TYPOS: RowList<'typos', TypoRow> = { toRows: typoRows, blank: blankTypoRow, check: checkTypos };

type PairRow = PhrasingRow | TypoRow;

/** Rows of a wrong form and its right one, with a severity and a note: 规范表述 and 错别字. */
function PairTable<R extends PairRow>({ draft, labels, empty, tools }: {
  draft: RowDraft<R>;
  labels: { wrong: string; right: string };
  empty: string;
  tools: ReactNode;
}) {
  const { update, added } = draft;
  return (
    <RowTable draft={draft} empty={empty} count={`共 ${draft.rows.length} 条`} tools={tools}
      columns={<>
        <th scope="col" className="lists-num">序号</th>
        <th scope="col">{labels.wrong}</th>
        <th scope="col" aria-hidden="true" />
        <th scope="col">{labels.right}</th>
        <th scope="col" className="lists-severity">级别</th>
        <th scope="col">说明（可不填）</th>
      </>}
      cells={(row, i) => <>
        <td className="lists-num">{i + 1}</td>
        <td><input aria-label={`第 ${i + 1} 行${labels.wrong}`} value={row.wrong} maxLength={PROOFING_LIST_LIMITS.word} autoFocus={row.key === added}
          onChange={(e) => update(row.key, { wrong: e.target.value } as Partial<R>)} /></td>
        <td className="lists-arrow" aria-hidden="true">→</td>
        <td><input aria-label={`第 ${i + 1} 行${labels.right}`} value={row.right} maxLength={PROOFING_LIST_LIMITS.word}
          onChange={(e) => update(row.key, { right: e.target.value } as Partial<R>)} /></td>
        <td className="lists-severity">
          <select aria-label={`第 ${i + 1} 行级别`} value={row.severity}
            onChange={(e) => update(row.key, { severity: SEVERITIES.find((s) => s === e.target.value) ?? 'warning' } as Partial<R>)}>
            {SEVERITIES.map((s) => <option key={s} value={s}>{SEVERITY_NAMES[s]}</option>)}
          </select>
        </td>
        <td><input aria-label={`第 ${i + 1} 行说明`} value={row.note} maxLength={PROOFING_LIST_LIMITS.note}
          onChange={(e) => update(row.key, { note: e.target.value } as Partial<R>)} /></td>
      </>} />
  );
}

export function PhrasingEditor(props: EditorProps<'phrasing'>) {
  const draft = useRowDraft('phrasing', PHRASING, props);
  return (
    <PairTable draft={draft} labels={{ wrong: '不规范表述', right: '规范表述' }} empty="还没有规范表述，点“添加一行”开始。"
      tools={<ImportButton name="phrasing" onImported={(entries) => draft.append(phrasingRows(entries), (r) => r.wrong)} />} />
  );
}

export function TyposEditor(props: EditorProps<'typos'>) {
  const draft = useRowDraft('typos', TYPOS, props);
  return (
    <PairTable draft={draft} labels={{ wrong: '错误写法', right: '正确写法' }}
      empty="还没有本单位的错别字，点“添加一行”开始。内置的错别字词库始终启用。"
      tools={<ImportButton name="typos" onImported={(entries) => draft.append(typoRows(entries), (r) => r.wrong)} />} />
  );
}

export function SensitiveEditor({ initial, onDirty, onSaved }: EditorProps<'sensitive'>) {
  const saver = useListSaver('sensitive', initial);
  const [baseline, setBaseline] = useState(() => sensitiveText(initial));
  const [text, setText] = useState(baseline);
  const dirty = text !== baseline;
  const count = text.split('\n').filter((line) => line.trim()).length;

  const save = async (): Promise<void> => {
    const entries: SensitiveEntry[] | null = await saver.save(checkSensitive(text, saver.saved));
    if (!entries) return;
    const fresh = sensitiveText(entries);
    setBaseline(fresh);
    setText(fresh);
    onDirty(false);
    onSaved(entries);
  };

  return (
    <>
      <textarea className="lists-words" aria-label="敏感词" value={text} rows={12} spellCheck={false}
        placeholder={'每行一个词，例如：\n内部资料'}
        onChange={(e) => { setText(e.target.value); saver.edited(); onDirty(e.target.value !== baseline); }} />
      <ErrorText message={saver.error} />
      <ListFooter count={`共 ${count} 个`} dirty={dirty} done={saver.done} busy={saver.busy} onSave={() => void save()}>
        <ImportButton name="sensitive" onImported={(entries) => {
          const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
          const merged = appendNew(lines, entries.map((e) => e.word), (w) => w);
          if (merged.added > 0) {
            const next = merged.rows.join('\n');
            setText(next);
            saver.edited();
            onDirty(next !== baseline);
          }
          return merged;
        }} />
      </ListFooter>
    </>
  );
}

const LEADERS: RowList<'leaders', LeaderRow> = { toRows: leaderRows, blank: blankLeaderRow, check: checkLeaders };

export function LeadersEditor(props: EditorProps<'leaders'>) {
  const draft = useRowDraft('leaders', LEADERS, props);
  const { update, added } = draft;
  return (
    <RowTable draft={draft} empty="还没有领导名单，点“添加一行”开始。" count={`共 ${draft.rows.length} 人`}
      tools={<ImportButton name="leaders" onImported={(entries) => draft.append(leaderRows(entries), (r) => r.name)} />}
      columns={<>
        <th scope="col" className="lists-rank">排位</th>
        <th scope="col" className="lists-name">姓名</th>
        <th scope="col">职务（多个用顿号分隔）</th>
      </>}
      cells={(row, i) => <>
        <td className="lists-rank"><input aria-label={`第 ${i + 1} 行排位`} value={row.rank} inputMode="numeric" maxLength={String(PROOFING_LIST_LIMITS.rank).length}
          onChange={(e) => update(row.key, { rank: e.target.value })} /></td>
        <td className="lists-name"><input aria-label={`第 ${i + 1} 行姓名`} value={row.name} maxLength={PROOFING_LIST_LIMITS.word} autoFocus={row.key === added}
          onChange={(e) => update(row.key, { name: e.target.value })} /></td>
        <td><input aria-label={`第 ${i + 1} 行职务`} value={row.titles} placeholder="如：党工委书记、书记"
          onChange={(e) => update(row.key, { titles: e.target.value })} /></td>
      </>} />
  );
}
