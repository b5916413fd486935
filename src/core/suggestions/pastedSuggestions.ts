/**
 * Pasted text never brings a colleague's suggestion with it. Lexical's clipboard carries a copied
 * insertion element and a deletion mark (they are body content), so text copied from a pending
 * change and pasted elsewhere showed as that reviewer's change in a place they never touched: a
 * change under someone else's name. Before pasted nodes are inserted, deletion marks are cleared and
 * suggestion elements give way to their content; with 修订 on, capture then records the pasted text
 * as the paster's own insertion, like anything typed.
 */
import {
  $isElementNode, $isTextNode, COMMAND_PRIORITY_CRITICAL, SELECTION_INSERT_CLIPBOARD_NODES_COMMAND,
  type LexicalEditor, type LexicalNode,
} from 'lexical';
import { $isSuggestionNode } from './SuggestionNode';
import { $deletionOf, $setDeletion } from './deletionMark';

/** `nodes` (not yet inserted) without suggestions: marks cleared, elements replaced by their content. */
export function $withoutSuggestions(nodes: readonly LexicalNode[]): LexicalNode[] {
  return nodes.flatMap((node): LexicalNode[] => {
    if ($isTextNode(node)) return [$deletionOf(node) ? $setDeletion(node, null) : node];
    if (!$isElementNode(node)) return [node];
    const children = $withoutSuggestions(node.getChildren());
    if ($isSuggestionNode(node)) return children;
    node.clear().append(...children);
    return [node];
  });
}

/** Strips suggestions from everything pasted into `editor`; undone by the returned function. */
export function registerPastedSuggestionsCleared(editor: LexicalEditor): () => void {
  return editor.registerCommand(SELECTION_INSERT_CLIPBOARD_NODES_COMMAND, (payload) => {
    payload.nodes.splice(0, payload.nodes.length, ...$withoutSuggestions(payload.nodes));
    return false;
  }, COMMAND_PRIORITY_CRITICAL);
}
