import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeCsv, parseCsv } from './csv';
import { parseDate, validateImport } from './ledgerSpreadsheet';
import type { Outlet } from '../../shared/ledger';

const HEADER = ['序号', '标题', '作者', '类别', '报送单位/媒体', '级别', '报送日期', '状态', '采用/刊发日期', '期号/链接', '批示', '得分'];
const catalog = new Map<string, Outlet>([['临沂日报', { id: 'o1', name: '临沂日报', level: 'city', kind: 'media', example: false, disabled: false }]]);

describe('CSV as Excel in China writes it', () => {
  it('decodes UTF-8 with a BOM, and GBK when the bytes are not UTF-8', () => {
    const text = '标题,作者\r\n新区“夜经济”,张明';
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]))).toBe(text);
    expect(decodeCsv(iconv.encode(text, 'gbk'))).toBe(text);
  });

  it('parses quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,"b,c","say ""hi""","two\nlines"\r\nx,,z\n')).toEqual([['a', 'b,c', 'say "hi"', 'two\nlines'], ['x', '', 'z']]);
  });
});

describe('import validation', () => {
  it('reads dates as offices write them', () => {
    expect(parseDate('2023/3/5')).toBe('2023-03-05');
    expect(parseDate('2023年3月5日')).toBe('2023-03-05');
    expect(parseDate('2023.12.31')).toBe('2023-12-31');
    expect(parseDate('45000')).toBe('2023-03-15');
    expect(parseDate('2023-02-29')).toBeNull();
    expect(parseDate('三月五日')).toBeNull();
  });

  it('turns good rows into events and lists every problem of every bad row', () => {
    const result = validateImport([
      HEADER,
      ['1', '新区招商推介会', '张明、李华', '媒体稿件', '临沂日报', '市级', '2023-04-02', '已刊发', '2023-04-03', 'https://example.org/x', '', ''],
      ['', '', '', '', '', '', '', '', '', '', '', ''],
      ['3', '信息', '王芳', '政务信息', '市政府信息', '', '2023-04-05', '已采用', '', '', '张市长批示', ''],
    ], catalog);
    expect(result.total).toBe(2);
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]).toMatchObject({
      row: 2, authors: ['张明', '李华'], kind: 'media', newOutlet: null,
      events: [{ type: 'submitted', on: '2023-04-02' }, { type: 'published', on: '2023-04-03', url: 'https://example.org/x' }],
    });
    expect(result.errors).toEqual([{ row: 4, messages: [
      '“市政府信息”不在刊物与媒体目录中，请填写级别以便添加',
      '状态为已采用时须填写采用/刊发日期',
      '批示“张市长批示”应以级别开头，如“市级：…”',
    ] }]);
  });

  it('refuses a file without the required columns', () => {
    expect(validateImport([['标题', '作者']], catalog).errors).toEqual([{ row: 1, messages: ['缺少列：类别、报送单位/媒体、报送日期'] }]);
  });
});
