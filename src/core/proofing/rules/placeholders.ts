/**
 * Template prompts left in the text (模板提示): a 【】 prompt of the built-in skeletons, or any 【…：…】
 * prompt of that shape, is an error, so a piece still holding 【请示事项：…】 is not submitted or
 * signed. 【编者按】 and other bracketed labels of real prose are left alone.
 */
import { BUILTIN_TEMPLATES } from '../../templates/catalog';
import { finding } from '../finding';
import type { Finding } from '../types';

const PROMPT = /【[^【】\n]{1,60}】/g;
const SHIPPED = new Set(BUILTIN_TEMPLATES.flatMap((t) => t.blocks.flatMap((b) => b.text.match(PROMPT) ?? [])));

/** True for a prompt a template left for the writer. */
export function isTemplatePrompt(bracketed: string): boolean {
  return SHIPPED.has(bracketed) || /^【[^】]{1,20}[：:][^】]+】$/.test(bracketed);
}

export function placeholderFindings(text: string): Finding[] {
  const found: Finding[] = [];
  for (const match of text.matchAll(PROMPT)) {
    if (!isTemplatePrompt(match[0])) continue;
    const start = match.index;
    found.push(finding(start, start + match[0].length, 'field.placeholder', 'error', `还有待填写的模板提示“${match[0]}”，请换成正文`));
  }
  return found;
}
