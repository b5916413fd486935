/**
 * The ledger as an office spreadsheet: export to .xlsx (报送台账 and 统计 sheets) and import from
 * .xlsx or .csv with a validation report; an import with any bad row imports nothing.
 */
import ExcelJS from 'exceljs';
import { isCalendarDate, shanghaiDate } from '../../core/targets/dates';
import { scoreBetween } from '../../core/targets/points';
import { OUTLET_LEVELS, type OutletLevel, type PointsTable, type YearProgress } from '../../core/targets';
import { KIND_LABELS, DOCUMENT_KINDS, type DocumentKind } from '../../core/domain/kinds';
import { OUTLET_LEVEL_LABELS, STATUS_LABELS, type ImportRowError, type Outlet, type Submission } from '../../shared/ledger';
import { decodeCsv, parseCsv } from './csv';
import type { NewEvent, SentRecord } from './submissionLedger';
import { normalizeTitle, SENDING_EVENTS } from '../../core/targets/events';
import { cleanTitle } from '../../core/text/cleanText';
import { inspectZip, OFFICE_ZIP_LIMITS } from '../work/zipGuard';

export const LEDGER_COLUMNS = ['序号', '标题', '作者', '类别', '报送单位/媒体', '级别', '报送日期', '状态', '采用/刊发日期', '期号/链接', '批示', '得分'] as const;

const UNIT_LABELS = { pieces: '篇', publications: '篇次', points: '分', count: '项' } as const;
const PACE_LABELS = { ahead: '超前', 'on-pace': '正常', behind: '落后', none: '—' } as const;

function publicationRef(s: Submission): string {
  const published = [...s.events].reverse().find((e) => e.type === 'published');
  return published ? [published.issue, published.page, published.url].filter(Boolean).join(' ') : '';
}

function instructionText(s: Submission): string {
  return s.events.filter((e) => e.type === 'instructed')
    .map((e) => `${e.level ? OUTLET_LEVEL_LABELS[e.level] : ''}：${e.summary}`).join('；');
}

/** One row per ledger entry, in the office's columns; 得分 is the year's points for that row. Voided rows are left out. */
export function ledgerRows(submissions: Submission[], points: PointsTable, year: number): (string | number)[][] {
  const ordered = submissions.filter((s) => s.status !== 'voided').sort((a, b) =>
    (a.facts.submittedOn ?? '9999') < (b.facts.submittedOn ?? '9999') ? -1 : (a.facts.submittedOn ?? '9999') > (b.facts.submittedOn ?? '9999') ? 1
      : a.createdAt < b.createdAt ? -1 : 1);
  return ordered.map((s, index) => [
    index + 1, s.title, s.authors.join('、'), KIND_LABELS[s.kind] ?? s.kind, s.outlet.name, OUTLET_LEVEL_LABELS[s.outlet.level],
    s.facts.submittedOn ?? '', STATUS_LABELS[s.status], s.facts.publishedOn ?? s.facts.adoptedOn ?? '', publicationRef(s), instructionText(s),
    scoreBetween({ id: s.id, pieceKey: '', title: s.title, pieceKind: s.kind, authors: s.authors, outlet: s.outlet, facts: s.facts },
      points, `${year}-01-01`, `${year}-12-31`),
  ]);
}

/** The workbook: 报送台账 (the ledger) and 统计 (each target's figures as of the given date). */
export async function exportLedger(rows: (string | number)[][], progress: YearProgress): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '文稿台';
  const ledger = book.addWorksheet('报送台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  ledger.columns = LEDGER_COLUMNS.map((header) => ({
    header, width: header === '标题' ? 40 : header === '期号/链接' || header === '批示' ? 28 : header === '报送单位/媒体' ? 20 : 12,
  }));
  ledger.addRows(rows);
  ledger.getRow(1).font = { bold: true };
  ledger.autoFilter = { from: 'A1', to: `L${rows.length + 1}` };

  const stats = book.addWorksheet('统计');
  stats.columns = [
    { header: '目标', width: 30 }, { header: '年度目标', width: 10 }, { header: '完成', width: 10 }, { header: '应完成', width: 10 },
    { header: '预计全年', width: 10 }, { header: '进度', width: 8 }, { header: '单位', width: 8 }, { header: '得分', width: 8 },
  ];
  for (const t of progress.targets) {
    stats.addRow([t.name, t.target, t.actual, round1(t.expected), round1(t.projected), PACE_LABELS[t.status], UNIT_LABELS[t.unit], t.score]);
  }
  stats.addRow([]);
  stats.addRow([`截至 ${progress.asOf}（第 ${progress.elapsedDays} 天，共 ${progress.daysInYear} 天）`]);
  stats.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** A row the import turned into a manual ledger entry. */
export interface ImportedRow {
  row: number;
  title: string;
  kind: DocumentKind;
  authors: string[];
  outletName: string;
  /** Set when the outlet is not in the catalog yet: the import adds it with this level. */
  newOutlet: { level: OutletLevel; kind: Outlet['kind'] } | null;
  events: NewEvent[];
}

export interface ImportResult { rows: ImportedRow[]; errors: ImportRowError[]; total: number }

const recordKey = (title: string, outletName: string, sentOn: string | null | undefined) =>
  `${normalizeTitle(title)}\u0000${outletName}\u0000${sentOn ?? ''}`;

/**
 * Splits imported rows into new ones and those the ledger already records: the same title (as
 * manual entries compare, see normalizeTitle), sent to the same outlet on the same day. Importing an
 * exported ledger (or the same file twice) then adds nothing instead of counting every piece again;
 * nor does it bring back a row voided as a mistake.
 */
export function splitRecorded(rows: readonly ImportedRow[], existing: readonly SentRecord[]): { fresh: ImportedRow[]; recorded: ImportedRow[] } {
  const known = new Set(existing.map((r) => recordKey(r.title, r.outletName, r.sentOn)));
  const fresh: ImportedRow[] = [];
  const recorded: ImportedRow[] = [];
  for (const row of rows) {
    const sentOn = row.events.filter((e) => SENDING_EVENTS.has(e.type)).map((e) => e.on).sort()[0];
    (known.has(recordKey(row.title, row.outletName, sentOn)) ? recorded : fresh).push(row);
  }
  return { fresh, recorded };
}

/**
 * Reads an .xlsx or .csv upload into rows of cell texts (the first row is the header). An .xlsx is
 * measured first: past what it may inflate to (zipGuard), a DeskError 413 before exceljs opens it.
 */
export async function readSheet(filename: string, bytes: Buffer): Promise<string[][]> {
  const isXlsx = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!isXlsx) {
    if (/\.xlsx$/i.test(filename)) throw new Error('文件不是有效的 .xlsx');
    return parseCsv(decodeCsv(bytes));
  }
  inspectZip(bytes, OFFICE_ZIP_LIMITS);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('报送台账') ?? book.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, LEDGER_COLUMNS.length); c++) cells.push(cellText(row.getCell(c).value));
    rows[number - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  // Excel dates are stored as UTC midnight of the calendar date shown.
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

/** `2023-03-05`, `2023/3/5`, `2023.3.5`, `2023年3月5日`, or an Excel serial number → YYYY-MM-DD, else null. */
export function parseDate(text: string): string | null {
  const t = text.trim();
  if (/^\d{5}(\.\d+)?$/.test(t)) {
    // Excel's serial day 25569 is 1970-01-01.
    return new Date((Math.floor(Number(t)) - 25569) * 86_400_000).toISOString().slice(0, 10);
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(t) && !Number.isNaN(Date.parse(t))) return shanghaiDate(t);
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(t);
  if (!m) return null;
  const date = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isCalendarDate(date) ? date : null;
}

const KIND_BY_LABEL = new Map<string, DocumentKind>(DOCUMENT_KINDS.map((k) => [KIND_LABELS[k], k]));
const LEVEL_BY_LABEL = new Map<string, OutletLevel>(OUTLET_LEVELS.map((l) => [OUTLET_LEVEL_LABELS[l], l]));
const STATUS_BY_LABEL = new Map<string, string>([['拟报', 'planned'], ['已报送', 'submitted'], ['报送', 'submitted'],
  ['已采用', 'adopted'], ['采用', 'adopted'], ['未采用', 'rejected'], ['已刊发', 'published'], ['刊发', 'published']]);

/**
 * Validates every row against the catalog; reports each bad row with all its problems.
 * `outletsByName` is the catalog; unknown outlets need a 级别 and are added by the import.
 */
export function validateImport(sheet: string[][], outletsByName: Map<string, Outlet>): ImportResult {
  const header = (sheet[0] ?? []).map((h) => h.trim());
  const col = (name: string): number => header.indexOf(name);
  const missing = ['标题', '类别', '报送单位/媒体', '报送日期'].filter((name) => col(name) < 0);
  if (missing.length > 0) return { rows: [], total: 0, errors: [{ row: 1, messages: [`缺少列：${missing.join('、')}`] }] };
  const get = (cells: string[], name: string): string => (col(name) >= 0 ? (cells[col(name)] ?? '').trim() : '');

  const rows: ImportedRow[] = [];
  const errors: ImportRowError[] = [];
  let total = 0;
  sheet.slice(1).forEach((cells, index) => {
    const rowNumber = index + 2;
    if (cells.every((c) => c.trim() === '')) return;
    total += 1;
    const messages: string[] = [];
    const title = cleanTitle(get(cells, '标题'));
    if (!title) messages.push('标题为空');
    if (title.length > 200) messages.push('标题超过 200 字');
    const kind = KIND_BY_LABEL.get(get(cells, '类别'));
    if (!kind) messages.push(`类别“${get(cells, '类别')}”应为 ${DOCUMENT_KINDS.map((k) => KIND_LABELS[k]).join('、')} 之一`);
    const outletName = get(cells, '报送单位/媒体');
    const levelText = get(cells, '级别');
    const level = levelText ? LEVEL_BY_LABEL.get(levelText) : undefined;
    if (levelText && !level) messages.push(`级别“${levelText}”应为 中央、省级、市级、区级 之一`);
    let newOutlet: ImportedRow['newOutlet'] = null;
    if (!outletName) messages.push('报送单位/媒体为空');
    else if (!outletsByName.has(outletName)) {
      if (!level) messages.push(`“${outletName}”不在刊物与媒体目录中，请填写级别以便添加`);
      else newOutlet = { level, kind: kind === 'info' ? 'channel' : kind === 'media' ? 'media' : 'journal' };
    }
    const statusText = get(cells, '状态') || '已报送';
    const status = STATUS_BY_LABEL.get(statusText);
    if (!status) messages.push(`状态“${statusText}”应为 拟报、已报送、已采用、未采用、已刊发 之一`);
    const submittedText = get(cells, '报送日期');
    const submittedOn = submittedText ? parseDate(submittedText) : null;
    if (submittedText && !submittedOn) messages.push(`报送日期“${submittedText}”不是有效日期`);
    if (!submittedText && status !== 'planned') messages.push('报送日期为空');
    const decidedText = get(cells, '采用/刊发日期');
    const decidedOn = decidedText ? parseDate(decidedText) : null;
    if (decidedText && !decidedOn) messages.push(`采用/刊发日期“${decidedText}”不是有效日期`);
    if ((status === 'adopted' || status === 'published') && !decidedText) messages.push(`状态为${statusText}时须填写采用/刊发日期`);
    if (submittedOn && decidedOn && decidedOn < submittedOn) messages.push('采用/刊发日期早于报送日期');

    const events: NewEvent[] = [];
    if (submittedOn) events.push({ type: 'submitted', on: submittedOn });
    const decided = decidedOn ?? submittedOn;
    if (decided && status === 'adopted') events.push({ type: 'adopted', on: decided });
    if (decided && status === 'rejected') events.push({ type: 'rejected', on: decided });
    if (decided && status === 'published') {
      const ref = get(cells, '期号/链接');
      events.push({ type: 'published', on: decided, ...(/^https?:\/\//i.test(ref) ? { url: ref } : { issue: ref }) });
    }
    const instructions = get(cells, '批示');
    if (instructions) {
      for (const part of instructions.split(/[；;]/).map((p) => p.trim()).filter(Boolean)) {
        const m = /^(中央|省级|市级|区级)\s*[:：]?\s*(.*)$/.exec(part);
        if (!m) { messages.push(`批示“${part}”应以级别开头，如“市级：…”`); continue; }
        if (decided) events.push({ type: 'instructed', on: decided, level: LEVEL_BY_LABEL.get(m[1]) ?? null, summary: m[2] });
      }
    }
    if (messages.length > 0 || !kind) { errors.push({ row: rowNumber, messages }); return; }
    const authors = get(cells, '作者').split(/[、,，;；\s]+/).map((a) => a.trim()).filter(Boolean);
    rows.push({ row: rowNumber, title, kind, authors, outletName, newOutlet, events });
  });
  if (total === 0 && errors.length === 0) errors.push({ row: 1, messages: ['文件中没有数据行'] });
  return { rows, errors, total };
}
