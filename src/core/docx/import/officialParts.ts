/**
 * Recognizes the parts of an imported official document in its text and moves them from the body into
 * the properties (keyed as in shared/samples): before the body 份号, 密级, 紧急程度, 发文机关标志 (or a
 * bulletin's 刊名, 期号, 编发单位 and 日期), 发文字号 and 签发人, the title and 主送机关; after it 附件说明,
 * 发文机关署名, 成文日期, 附注, and the 版记's 抄送 and 印发 (or the bulletin's 报/送/发 and 共印). What is
 * left, attachments included, is the body.
 */
import type { BodySeedBlock } from '../../editor/headless';
import { parseLevelNumber } from '../../structure/levels';
import { OFFICIAL_DATE } from '../gbt9704';
import { docNumberInLine, isStandardDocNumber } from '../../domain/docNumber';

export interface RecognizedDocument {
  /** The document's kind as the parts show it; null when they show nothing particular. */
  kind: 'official' | 'info' | null;
  title: string | null;
  properties: Record<string, string | string[]>;
  blocks: BodySeedBlock[];
}

const text = (block: BodySeedBlock | undefined): string => (block?.type === 'paragraph' ? block.text.trim() : '');
const isPlain = (block: BodySeedBlock | undefined): boolean => block?.type === 'paragraph' && (block.level ?? 0) === 0;
const DATE_IN_LINE = /(\d{4}年(?:[1-9]|1[0-2])月(?:[1-9]|[12]\d|3[01])日)/;
const ATTACHMENT_MARK = /^附件\s*[0-9０-９]*\s*[:：]?$/;
/** A short line without sentence punctuation: a name, a title, a masthead. */
const isNameLike = (t: string, max = 40): boolean => t !== '' && t.length <= max && !/[。；，！？：:]/.test(t);

/** Recognizes the head: the lines above the title. Returns the index of the first line after it. */
function readHead(blocks: readonly BodySeedBlock[], props: Record<string, string | string[]>): { next: number; kind: RecognizedDocument['kind'] } {
  let kind: RecognizedDocument['kind'] = null;
  let i = 0;
  for (; i < blocks.length && isPlain(blocks[i]); i += 1) {
    const t = text(blocks[i]);
    const secrecy = /^(绝密|机密|秘密)(?:★(.+))?$/.exec(t);
    const number = docNumberInLine(t);
    if (/^\d{6}$/.test(t)) props['份号'] = t;
    else if (secrecy) {
      props['密级'] = secrecy[1];
      if (secrecy[2]) props['保密期限'] = secrecy[2];
    } else if (/^(特急|加急|特提|平急)$/.test(t)) props['紧急程度'] = t;
    else if (/^内部资料$/.test(t)) props['密级'] = t;
    else if (isNameLike(t) && t.endsWith('文件') && i < 5) {
      props['发文机关标志'] = t;
      kind = 'official';
    } else if (isNameLike(t, 24) && /(信息|简报|专报|快报|动态|通讯)$/.test(t) && i < 3 && !props['发文机关标志']) {
      props['刊名'] = t;
      kind = 'info';
    } else if (/^第\s*[0-9]+\s*期$/.test(t)) props['期号'] = t.replace(/\s+/g, '');
    else if (number && t.length <= 60) {
      props['发文字号'] = number;
      const signer = /签发人[：:]\s*(.+)$/.exec(t);
      if (signer) {
        props['上行文'] = '是';
        props['签发人'] = signer[1].trim();
      }
      kind = 'official';
    } else if (kind === 'info' && DATE_IN_LINE.test(t) && t.length <= 60) {
      const date = DATE_IN_LINE.exec(t)?.[1] ?? '';
      props['日期'] = date;
      const unit = t.replace(date, '').trim();
      if (unit) props['编发单位'] = unit;
    } else break;
  }
  return { next: i, kind };
}

/** Reads 版记 or bulletin-tail lines at the end; returns how many blocks they took. */
function readTail(blocks: readonly BodySeedBlock[], props: Record<string, string | string[]>): number {
  const lineOf = (block: BodySeedBlock): string[] => {
    if (block.type === 'paragraph') return [block.text.trim()];
    if (block.type === 'table') return block.rows.flatMap((row) => row.map((cell) => cell.map((runs) => runs.map((r) => r.text).join('')).join('\n').trim()));
    return [];
  };
  const readLine = (t: string): boolean => {
    const copies = /^抄\s*送[：:]\s*(.+)$/.exec(t);
    const issued = /^(.*?)[\s\t]*(\d{4}年(?:[1-9]|1[0-2])月(?:[1-9]|[12]\d|3[01])日)\s*印发$/.exec(t);
    const route = /^(报|送|发|本期增发)[：:]\s*(.+?)(?:[\s\t]*[（(]?共印\s*(\d+)\s*份[）)]?)?$/.exec(t);
    const printed = /^[（(]?共印\s*(\d+)\s*份[）)]?$/.exec(t);
    if (copies) props['抄送'] = copies[1].trim();
    else if (issued) {
      if (issued[1].trim()) props['印发机关'] = issued[1].trim();
      props['印发日期'] = issued[2];
    } else if (route) {
      props[route[1]] = route[2].trim();
      if (route[3]) props['共印'] = route[3];
    } else if (printed) props['共印'] = printed[1];
    else return t === '';
    return true;
  };
  let taken = 0;
  for (let i = blocks.length - 1; i >= 0; i -= 1) {
    const lines = lineOf(blocks[i]);
    if (lines.length === 0 || !lines.every(readLine)) break;
    taken += 1;
  }
  return taken;
}

/** Reads 附件说明, 署名, 成文日期 and 附注 at the end of the main body; returns the new end. */
function readClosing(blocks: readonly BodySeedBlock[], start: number, end: number, props: Record<string, string | string[]>, manuscript: boolean): number {
  let e = end;
  const at = (i: number) => text(blocks[i]);
  if (e - 1 > start && /^[（(].+[）)]$/.test(at(e - 1)) && OFFICIAL_DATE.test(at(e - 2))) {
    props['附注'] = at(e - 1);
    e -= 1;
  }
  if (e - 1 > start && OFFICIAL_DATE.test(at(e - 1)) && isPlain(blocks[e - 1])) {
    props[manuscript ? '日期' : '成文日期'] = at(e - 1);
    e -= 1;
    if (e - 1 > start && isPlain(blocks[e - 1]) && isNameLike(at(e - 1), 30)) {
      props[manuscript ? '署名' : '发文机关署名'] = at(e - 1);
      e -= 1;
    }
  }
  if (manuscript) return e;
  // 附件：1.名称 and the names under it, numbered 2. 3. …
  for (let i = e - 1; i > start && i >= e - 30; i -= 1) {
    const first = /^附\s*件[：:]\s*(.+)$/.exec(at(i));
    if (!first || !isPlain(blocks[i])) continue;
    const names = [first[1], ...Array.from({ length: e - i - 1 }, (_, k) => at(i + 1 + k))];
    const numbered = names.length > 1 || /^\d+[.．]/.test(names[0]);
    if (names.slice(1).every((n) => /^\d+[.．]/.test(n)) && names.length > 0) {
      props['附件'] = names.map((n) => (numbered ? n.replace(/^\d+[.．]\s*/, '') : n).trim());
      e = i;
    }
    break;
  }
  return e;
}

/** Splits an imported document into its official parts (as properties) and its body. */
export function recognizeOfficialParts(blocks: readonly BodySeedBlock[]): RecognizedDocument {
  const props: Record<string, string | string[]> = {};
  const head = readHead(blocks, props);
  let i = head.next;
  let title: string | null = null;
  const candidate = text(blocks[i]);
  if (isPlain(blocks[i]) && candidate !== '' && candidate.length <= 80 && !/[。；，！？：]$/.test(candidate) && !parseLevelNumber(candidate)) {
    // A long title comes on two lines (a line break in one paragraph).
    title = candidate.replace(/\s*\n\s*/g, '');
    i += 1;
  }
  let manuscript = head.kind === null;
  const recipients = text(blocks[i]);
  if (title !== null && isPlain(blocks[i]) && /[：:]$/.test(recipients) && recipients.length <= 120 && !parseLevelNumber(recipients)) {
    props['主送机关'] = recipients;
    manuscript = false;
    i += 1;
  }
  if (title !== null && manuscript) {
    // A manuscript's byline and date under the title.
    if (isPlain(blocks[i]) && isNameLike(text(blocks[i]), 30) && OFFICIAL_DATE.test(text(blocks[i + 1]))) {
      props['署名'] = text(blocks[i]);
      props['日期'] = text(blocks[i + 1]);
      i += 2;
    } else if (OFFICIAL_DATE.test(text(blocks[i]))) {
      props['日期'] = text(blocks[i]);
      i += 1;
    }
  }
  const end = blocks.length - readTail(blocks, props);
  const firstAttachment = blocks.findIndex((b, k) => k >= i && k < end && ATTACHMENT_MARK.test(text(b)));
  const mainEnd = firstAttachment >= 0 ? firstAttachment : end;
  const closingStart = readClosing(blocks, i, mainEnd, props, manuscript && !props['主送机关']);
  const kind = head.kind ?? (props['主送机关'] && props['成文日期'] ? 'official' : null);
  if (typeof props['发文字号'] === 'string' && !isStandardDocNumber(props['发文字号'])) delete props['发文字号'];
  return {
    kind,
    title,
    properties: props,
    blocks: [...blocks.slice(i, closingStart), ...blocks.slice(mainEnd, end)],
  };
}
