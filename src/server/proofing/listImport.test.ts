import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { importList, readListSheet } from './listImport';

describe('importing the 审校词表 from the office’s spreadsheets', () => {
  it('reads a GBK CSV of sensitive words by its header, with severities and notes, and says which rows it left out', async () => {
    const csv = '说明,敏感词,级别\r\n非涉密系统,内部资料,警告\r\n,绝密,错误\r\n,机密,很严重\r\n,内部资料,\r\n';
    const sheet = await readListSheet(iconv.encode(csv, 'gbk'));
    expect(importList('sensitive', sheet)).toEqual({
      entries: [{ word: '内部资料', severity: 'warning', note: '非涉密系统' }, { word: '绝密', severity: 'error' }],
      rows: 4,
      skipped: [{ row: 4, reason: '级别“很严重”应为错误、警告或提示' }, { row: 5, reason: '与前面的行重复' }],
    });
  });

  it('reads a leader roster without a header, with or without 排位', async () => {
    expect(importList('leaders', await readListSheet(Buffer.from('\uFEFF1,张建国,党工委书记、书记\n2,李文华,管委会主任\n')))).toMatchObject({
      entries: [{ name: '张建国', titles: ['党工委书记', '书记'], rank: 1 }, { name: '李文华', titles: ['管委会主任'], rank: 2 }],
      skipped: [],
    });
    expect(importList('leaders', [['张建国', '书记'], ['李文华', '主任'], ['王明', '']])).toEqual({
      entries: [{ name: '张建国', titles: ['书记'], rank: 1 }, { name: '李文华', titles: ['主任'], rank: 2 }],
      rows: 3,
      skipped: [{ row: 3, reason: '姓名、职务不能为空，排位应为 1 到 10000 之间的整数' }],
    });
  });

  it('reads the first worksheet of an .xlsx: 错别字 with an exception row', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('错别字');
    sheet.addRows([['错误写法', '正确写法', '说明'], ['沂河心区', '沂河新区', '本区名称'], ['周未村', ''], ['己', '已']]);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    expect(importList('typos', await readListSheet(bytes))).toEqual({
      entries: [{ wrong: '沂河心区', right: '沂河新区', note: '本区名称' }, { wrong: '周未村', right: '' }],
      rows: 3,
      skipped: [{ row: 4, reason: '错误写法至少 2 个字，且各栏不超过 100 字' }],
    });
  });

  it('reads 规范表述 by its header in any column order', () => {
    expect(importList('phrasing', [['规范表述', '不规范表述'], ['党的十八大以来', '十八大以来']]).entries)
      .toEqual([{ wrong: '十八大以来', right: '党的十八大以来' }]);
  });
});
