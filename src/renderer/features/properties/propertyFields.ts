/**
 * The fields of the 文稿属性 panel per kind, keyed as the samples' front matter, with the checks each
 * value must pass as the user types.
 */
import type { DocumentKind } from '../../../core/domain/kinds';
import {
  checkCopiesTo, checkCopyNumber, checkDate, checkDocumentNumber, checkIssueNumber, checkMainRecipients,
  checkPrintCount, type PropertyCheck,
} from '../../../core/docx/documentProperties';

export interface PropertyField {
  key: string;
  /** text: one line; lines: a list, one item per line; yesno: 是/否; choice: one of `choices`. */
  type: 'text' | 'lines' | 'yesno' | 'choice';
  check?: PropertyCheck;
  /** An example, shown as 例：… in grey, so it never passes for a value. */
  placeholder?: string;
  choices?: readonly string[];
  /** Shown only when this yes/no field is 是 (签发人 needs 上行文). */
  when?: string;
}

const OFFICIAL: PropertyField[] = [
  { key: '份号', type: 'text', check: checkCopyNumber, placeholder: '例：000123' },
  { key: '密级', type: 'choice', choices: ['', '秘密', '机密', '绝密'] },
  { key: '保密期限', type: 'text', placeholder: '例：1年' },
  { key: '紧急程度', type: 'choice', choices: ['', '特急', '加急'] },
  { key: '发文机关标志', type: 'text', placeholder: '例：临沂沂河新区党政办公室文件' },
  { key: '发文字号', type: 'text', check: checkDocumentNumber, placeholder: '例：沂新办发〔2023〕12号' },
  { key: '上行文', type: 'yesno' },
  { key: '签发人', type: 'text', when: '上行文' },
  { key: '主送机关', type: 'text', check: checkMainRecipients, placeholder: '例：各部门、各单位，各街道：' },
  { key: '附件', type: 'lines', placeholder: '每行一个附件名称' },
  { key: '发文机关署名', type: 'text' },
  { key: '成文日期', type: 'text', check: checkDate, placeholder: '例：2023年9月10日' },
  { key: '加盖印章', type: 'yesno' },
  { key: '附注', type: 'text', placeholder: '例：（联系人：王明；联系电话：0539-0000000）' },
  { key: '抄送', type: 'text', check: checkCopiesTo, placeholder: '例：区党工委、管委会领导，区纪工委。' },
  { key: '印发机关', type: 'text' },
  { key: '印发日期', type: 'text', check: checkDate, placeholder: '例：2023年9月10日' },
  { key: '印发份数', type: 'text', check: checkPrintCount, placeholder: '例：30' },
];

const INFO: PropertyField[] = [
  { key: '刊名', type: 'text', placeholder: '例：沂河新区政务信息' },
  { key: '期号', type: 'text', check: checkIssueNumber, placeholder: '例：第45期' },
  { key: '编发单位', type: 'text', placeholder: '例：沂河新区党政办公室' },
  { key: '日期', type: 'text', check: checkDate, placeholder: '例：2023年9月18日' },
  { key: '密级', type: 'choice', choices: ['', '内部资料', '秘密', '机密'] },
  { key: '报', type: 'text', placeholder: '例：市委办公室，市政府办公室。' },
  { key: '送', type: 'text' },
  { key: '发', type: 'text' },
  { key: '本期增发', type: 'text' },
  { key: '共印', type: 'text', check: checkPrintCount, placeholder: '例：30' },
];

const MANUSCRIPT: PropertyField[] = [
  { key: '署名', type: 'text' },
  { key: '日期', type: 'text', check: checkDate, placeholder: '例：2023年9月10日' },
];

export function propertyFields(kind: DocumentKind): PropertyField[] {
  return kind === 'official' ? OFFICIAL : kind === 'info' ? INFO : MANUSCRIPT;
}
