/**
 * Rule group 8, official-document fields (GB/T 9704): 发文字号 (机关代字〔年份〕序号号: 〔〕 brackets,
 * no 第, no leading zeros) wherever one is written, and 附件说明 (附件：1.名称 — no punctuation after
 * a name, no 书名号, 1. not 1、, and no number for a single attachment).
 */
import { finding } from '../finding';
import type { Finding } from '../types';
import { writtenDocNumbers } from '../../domain/docNumber';

export function docNumberFindings(text: string): Finding[] {
  const found: Finding[] = [];
  for (const { index, whole, prefix, open, year, close, ordinal, serial } of writtenDocNumbers(text)) {
    const problems: string[] = [];
    if (open !== '〔' || close !== '〕') problems.push('年份应使用六角括号“〔〕”');
    if (ordinal) problems.push('序号前不加“第”');
    if (serial.startsWith('0')) problems.push('序号不编虚位（不加“0”）');
    if (problems.length === 0 && whole === `${prefix}〔${year}〕${serial}号`) continue;
    const start = index + prefix.length;
    found.push(finding(start, index + whole.length, 'field.docNumber', 'error',
      `发文字号格式有误：${problems.join('；') || '其中不应有空格'}`, [`〔${year}〕${Number(serial)}号`]));
  }
  return found;
}

/** Where a 附件说明 paragraph's first attachment name starts, or -1 when the paragraph is not one. */
export function attachmentHead(text: string): number {
  const m = /^\s*附件[：:]\s*/.exec(text);
  return m ? m[0].length : -1;
}

/** A continuation line of a 附件说明: `2.名称` under the first. */
export function isAttachmentContinuation(text: string): boolean {
  return /^\s*\d{1,2}[.．、]\s*\S/.test(text) && !/[。！？]./.test(text) && text.length <= 80;
}

/**
 * One attachment name starting at `from` (after 附件： or the line's indent): its number form, a
 * trailing mark, 书名号. `numbered` tells whether it is one of several (then it needs 1. 2.).
 */
export function attachmentItemFindings(text: string, from: number, single: boolean): Finding[] {
  const found: Finding[] = [];
  const item = text.slice(from);
  const number = /^(\s*)(\d{1,2})([.．、])\s*/.exec(item);
  if (number) {
    const at = from + number[1].length + number[2].length;
    if (number[3] === '、') found.push(finding(at, at + 1, 'field.attachment', 'error', '附件序号后应用下脚点“.”', ['.']));
    if (single) {
      found.push(finding(from, from + number[0].length, 'field.attachment', 'hint', '只有一个附件时不编序号', ['']));
    }
  }
  const trimmed = text.trimEnd();
  const last = trimmed[trimmed.length - 1];
  if (last && '。；，、.;,：:'.includes(last)) {
    found.push(finding(trimmed.length - 1, trimmed.length, 'field.attachment', 'error', '附件名称后不加标点符号', ['']));
  }
  const nameStart = from + (number ? number[0].length : 0);
  const bookTitle = /^《([^《》]+)》$/.exec(text.slice(nameStart, trimmed.length).replace(/[。；，、.;,：:]$/, ''));
  if (bookTitle) {
    found.push(finding(nameStart, nameStart + bookTitle[0].length, 'field.attachment', 'warning', '附件名称不加书名号', [bookTitle[1]]));
  }
  return found;
}
