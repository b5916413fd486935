/**
 * A paragraph's role in the document, which decides the rules that depend on place: a body
 * paragraph ends with a full stop; a title, a heading, 主送机关 (ending in ：), 署名, a date line or
 * an attachment line does not. The editor tells levels, list items and table cells; plain text
 * leaves the rest to these heuristics, which err towards not asking for a full stop.
 */
import type { ParagraphAnalysis } from './analysis';
import type { ParagraphInput } from './types';

export type ParagraphRole =
  | 'empty' | 'title' | 'heading' | 'lead' | 'line' | 'date' | 'attachmentHead' | 'attachment' | 'item' | 'body';

export interface RoleContext {
  /** Plain text: the first non-empty paragraph may be the title. */
  titleFirst: boolean;
  isFirstNonEmpty: boolean;
  /** Another non-empty paragraph follows (a one-paragraph text has no title). */
  moreFollows: boolean;
  previousRole: ParagraphRole | null;
}

const SHORT_LINE = 40;

export function paragraphRole(input: ParagraphInput, a: ParagraphAnalysis, context: RoleContext): ParagraphRole {
  if (a.empty) return 'empty';
  if (input.kind === 'listItem' || input.kind === 'cell') return 'item';
  if (input.kind === 'title') return 'title';
  if (input.level !== undefined && input.level > 0) return 'heading';
  if (context.titleFirst && context.isFirstNonEmpty && context.moreFollows && !a.innerPunct && a.length <= 80 && !a.number) return 'title';
  if (a.attachmentHead >= 0) return 'attachmentHead';
  if ((context.previousRole === 'attachmentHead' || context.previousRole === 'attachment') && a.attachmentContinuation) return 'attachment';
  if (a.dateLine) return 'date';
  if (a.last === '：' || a.last === ':') return 'lead';
  if (a.number && !a.terminator) return 'heading';
  if (!a.innerPunct && a.length <= SHORT_LINE) return 'line';
  return 'body';
}
