/**
 * Reading a document's properties (keyed as in the front matter of shared/samples: 发文字号, 主送机关,
 * …) for the docx layouts and the 文稿属性 panel: plain values, lists, yes/no switches, and the checks
 * GB/T 9704 puts on 发文字号 and dates.
 */
import { OFFICIAL_DATE } from './gbt9704';
import { isStandardDocNumber } from '../domain/docNumber';

export type PropertyValue = string | string[];
export type PropertyMap = Readonly<Record<string, PropertyValue>>;

/** A property as one trimmed line of text ('' when absent); a list is joined with '，'. */
export function propertyText(properties: PropertyMap, key: string): string {
  const value = properties[key];
  if (value === undefined) return '';
  return (Array.isArray(value) ? value.join('，') : value).trim();
}

/** A property as a list of non-empty trimmed items; a string gives one item per line. */
export function propertyList(properties: PropertyMap, key: string): string[] {
  const value = properties[key];
  const items = value === undefined ? [] : Array.isArray(value) ? value : value.split(/\r?\n/);
  return items.map((item) => item.trim()).filter((item) => item !== '');
}

const YES = new Set(['是', 'yes', 'true', '1', 'y']);

/** A yes/no property: 是 (or yes/true/1) is yes; anything else, or nothing, is no. */
export function propertyYes(properties: PropertyMap, key: string): boolean {
  return YES.has(propertyText(properties, key).toLowerCase());
}

/** The value a yes/no property is stored as. */
export const yesNo = (yes: boolean): string => (yes ? '是' : '否');

/** A problem with one property value, in words for the user; null when the value is fine or empty. */
export type PropertyCheck = (value: string) => string | null;

const check = (test: (value: string) => boolean, message: string): PropertyCheck =>
  (value) => (value.trim() === '' || test(value.trim()) ? null : message);

export const checkDocumentNumber = check(isStandardDocNumber,
  '发文字号应写作“机关代字〔年份〕序号号”，如 沂新办发〔2023〕12号（用六角括号〔〕，序号不编虚位、不加“第”）');
export const checkDate = check((v) => OFFICIAL_DATE.test(v),
  '日期应写作 2023年9月10日（阿拉伯数字，年份写全，月、日不编虚位）');
export const checkCopyNumber = check((v) => /^\d{6}$/.test(v), '份号为 6 位阿拉伯数字，如 000123');
export const checkIssueNumber = check((v) => /^第[1-9]\d*期$/.test(v), '期号应写作“第45期”');
export const checkPrintCount = check((v) => /^[1-9]\d*$/.test(v), '印数为正整数，如 30');
export const checkMainRecipients = check((v) => /[：:]$/.test(v), '主送机关以全角冒号“：”结尾');
export const checkCopiesTo = check((v) => v.endsWith('。'), '抄送机关以句号“。”结尾');

