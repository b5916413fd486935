/** Where a pending suggestion stands in the live editor: put the caret there and show it. */
import { $getRoot, $isElementNode, $isTextNode, type ElementNode, type LexicalEditor, type LexicalNode, type TextNode } from 'lexical';
import { $isSuggestionNode } from '../../../../core/suggestions/SuggestionNode';
import { $deletionOf } from '../../../../core/suggestions/deletionMark';
import type { SuggestionEntry } from '../../../../core/suggestions/operations';

const ACTIVE_CLASS = 'desk-suggestion-active';

function $firstMarkOf(node: LexicalNode, id: string): ElementNode | TextNode | null {
  if ($isSuggestionNode(node) && node.getSuggestionId() === id) return node;
  if ($isTextNode(node) && $deletionOf(node)?.id === id) return node;
  if (!$isElementNode(node)) return null;
  for (const child of node.getChildren()) {
    const found = $firstMarkOf(child, id);
    if (found) return found;
  }
  return null;
}

/** The node the entry's caret goes to: its first mark (text changes) or its paragraph (paragraph changes). */
function $placeOf(entry: SuggestionEntry): ElementNode | TextNode | null {
  const block = $getRoot().getChildAtIndex(entry.paragraphIndex);
  if (!$isElementNode(block)) return null;
  if (entry.kind === 'insert' || entry.kind === 'delete') return $firstMarkOf(block, entry.id) ?? $firstMarkOf($getRoot(), entry.id);
  return block;
}

/**
 * Moves the caret to the start of the suggestion (when the body is editable), scrolls it into the
 * middle of the view and highlights its marks until another one is shown.
 */
export function showSuggestion(editor: LexicalEditor, entry: SuggestionEntry): void {
  const root = editor.getRootElement();
  let key: string | null = null;
  editor.update(() => {
    const place = $placeOf(entry);
    if (!place) return;
    key = place.getKey();
    if (editor.isEditable()) place.selectStart();
  }, { discrete: true, tag: 'suggestions' });
  if (editor.isEditable()) root?.focus({ preventScroll: true });
  for (const marked of root?.querySelectorAll(`.${ACTIVE_CLASS}`) ?? []) marked.classList.remove(ACTIVE_CLASS);
  for (const mark of root?.querySelectorAll(`[data-suggestion-id="${CSS.escape(entry.id)}"]`) ?? []) mark.classList.add(ACTIVE_CLASS);
  const element = key === null ? null : editor.getElementByKey(key);
  element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}
