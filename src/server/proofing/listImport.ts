/**
 * Imports one of the 审校词表 from the office's own spreadsheet (.xlsx, or .csv in UTF-8 or GBK, as
 * Excel in China writes it). The columns are found by their header (敏感词 / 级别 / 说明; 排位 / 姓名 /
 * 职务; 不规范表述 / 规范表述; 错误写法 / 正确写法 …); without a header row the columns are taken in
 * that order. Each row is checked like an entry saved from the page; a row that cannot be an entry is
 * listed with the reason and left out. Nothing is saved here: the page adds the entries to its draft.
 */
import ExcelJS from 'exceljs';
import type { Severity } from '../../core/proofing';
import { listEntrySchemas, type ListImport, type ProofingListName } from '../../shared/proofing';
import { decodeCsv, parseCsv } from '../ledger/csv';
import { inspectZip, OFFICE_ZIP_LIMITS } from '../work/zipGuard';

type Field = 'wrong' | 'right' | 'word' | 'severity' | 'note' | 'name' | 'titles' | 'rank';

/** Per list, its fields in their order without a header, and the header texts that name each. */
const COLUMNS: Record<ProofingListName, Array<{ field: Field; headers: RegExp }>> = {
  phrasing: [
    { field: 'wrong', headers: /^(不规范表述|不规范|错误表述|原表述|原文)$/ },
    { field: 'right', headers: /^(规范表述|规范|正确表述|改为|应为)$/ },
    { field: 'severity', headers: /^(级别|严重程度|等级)$/ },
    { field: 'note', headers: /^(说明|备注|依据|理由)$/ },
  ],
  sensitive: [
    { field: 'word', headers: /^(敏感词|词语|词|关键词)$/ },
    { field: 'severity', headers: /^(级别|严重程度|等级)$/ },
    { field: 'note', headers: /^(说明|备注|依据|理由)$/ },
  ],
  leaders: [
    { field: 'rank', headers: /^(排位|排序|序号|位次)$/ },
    { field: 'name', headers: /^(姓名|领导|领导姓名)$/ },
    { field: 'titles', headers: /^(职务|职务名称|职务（多个用顿号分隔）)$/ },
  ],
  typos: [
    { field: 'wrong', headers: /^(错误写法|错别字|错误|错字)$/ },
    { field: 'right', headers: /^(正确写法|正确|应为|改为)$/ },
    { field: 'severity', headers: /^(级别|严重程度|等级)$/ },
    { field: 'note', headers: /^(说明|备注|依据|理由)$/ },
  ],
};

const SEVERITIES: Record<string, Severity> = { 错误: 'error', 警告: 'warning', 提示: 'hint', error: 'error', warning: 'warning', hint: 'hint' };

/** The cells of the first worksheet (.xlsx) or of the CSV, as text. */
export async function readListSheet(bytes: Buffer): Promise<string[][]> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) return parseCsv(decodeCsv(bytes));
  // What the .xlsx inflates to is bounded before exceljs sees it (a zip bomb gets the guard's 413).
  inspectZip(bytes, OFFICE_ZIP_LIMITS);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c += 1) cells.push(cellText(row.getCell(c).value));
    rows[number - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

const clean = (cell: string | undefined): string => (cell ?? '').replace(/^\uFEFF/, '').trim();

/** Which column holds each field: from the header row when it names one, else in the list's order. */
function columnsOf(name: ProofingListName, first: readonly string[]): { columns: Map<Field, number>; header: boolean } {
  const columns = new Map<Field, number>();
  first.forEach((cell, i) => {
    const column = COLUMNS[name].find((c) => c.headers.test(clean(cell).replace(/\s+/g, '')));
    if (column && !columns.has(column.field)) columns.set(column.field, i);
  });
  if (columns.size > 0) return { columns, header: true };
  // No header: 领导名单 may come without 排位 (姓名, 职务 in rank order).
  const order = name === 'leaders' && !/^\d+$/.test(clean(first[0])) ? COLUMNS.leaders.slice(1) : COLUMNS[name];
  order.forEach((c, i) => columns.set(c.field, i));
  return { columns, header: false };
}

/** The rows of a sheet as entries of list `name`, with the rows that cannot be one and why. */
export function importList<N extends ProofingListName>(name: N, sheet: readonly string[][]): ListImport<N> {
  const rows = sheet.map((cells, index) => ({ cells, row: index + 1 })).filter((r) => r.cells.some((c) => clean(c)));
  const entries: unknown[] = [];
  const skipped: ListImport['skipped'] = [];
  if (rows.length === 0) return { entries: entriesOf<N>(entries), rows: 0, skipped };
  const { columns, header } = columnsOf(name, rows[0].cells);
  const body = header ? rows.slice(1) : rows;
  const seen = new Set<string>();
  for (const { cells, row } of body) {
    const get = (field: Field): string => { const c = columns.get(field); return c === undefined ? '' : clean(cells[c]); };
    const severityText = get('severity');
    const severity = severityText ? SEVERITIES[severityText] : undefined;
    if (severityText && !severity) { skipped.push({ row, reason: `级别“${severityText}”应为错误、警告或提示` }); continue; }
    const extra = { ...(severity ? { severity } : {}), ...(get('note') ? { note: get('note') } : {}) };
    const entry = name === 'sensitive' ? { word: get('word'), ...extra }
      : name === 'leaders' ? { name: get('name'), titles: get('titles').split(/[、,，;；\s]+/).filter(Boolean), rank: Number(get('rank') || entries.length + 1) }
        : { wrong: get('wrong'), right: get('right'), ...extra };
    const parsed = listEntrySchemas[name].element.safeParse(entry);
    if (!parsed.success) { skipped.push({ row, reason: reasonOf(name) }); continue; }
    const key = name === 'sensitive' ? get('word') : name === 'leaders' ? get('name') : get('wrong');
    if (seen.has(key)) { skipped.push({ row, reason: '与前面的行重复' }); continue; }
    seen.add(key);
    entries.push(parsed.data);
  }
  return { entries: entriesOf<N>(entries), rows: body.length, skipped };
}

/** Entries checked against the list's own schema above. */
const entriesOf = <N extends ProofingListName>(entries: unknown[]): ListImport<N>['entries'] => entries as ListImport<N>['entries'];

function reasonOf(name: ProofingListName): string {
  switch (name) {
    case 'sensitive': return '敏感词为空或超过 100 字';
    case 'leaders': return '姓名、职务不能为空，排位应为 1 到 10000 之间的整数';
    case 'typos': return '错误写法至少 2 个字，且各栏不超过 100 字';
    default: return '不规范表述、规范表述不能为空，且不超过 100 字';
  }
}
