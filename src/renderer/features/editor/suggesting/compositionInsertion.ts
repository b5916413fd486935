/**
 * 修订 with an IME. Capture leaves composing text alone and records it when the composition ends
 * (wrapping it earlier would move the DOM under the IME), but Lexical syncs every composing state
 * to Yjs at once: plain text typed into the original, which the server refuses from the holder of
 * a piece in review. So when a composition starts, an empty insertion of the author is opened at
 * the caret (inside a colleague's insertion, if the caret is in one; out of a deletion) and the caret put inside it: the composing text lands
 * in the author's own insertion from its first character, which capture then has nothing to add to.
 * A selection the composition replaces is deleted first, as a suggestion, before the IME starts
 * (registerReplacedSelectionDeletion, with the editor's DOM).
 */
import { mergeRegister } from '@lexical/utils';
import {
  $createTextNode, $getSelection, $hasUpdateTag, $isElementNode, $isRangeSelection, $isTextNode, COLLABORATION_TAG,
  COMMAND_PRIORITY_CRITICAL, COMPOSITION_START_COMMAND, IS_APPLE_WEBKIT, IS_FIREFOX, IS_IOS, IS_SAFARI, type LexicalEditor, type LexicalNode,
} from 'lexical';
import { $createSuggestionNode, $isSuggestionNode, SuggestionNode } from '../../../../core/suggestions/SuggestionNode';
import { newSuggestionMeta, type SuggestionAuthor } from '../../../../core/suggestions/types';
import { $liftOutOfDeletions } from '../../../../core/suggestions/captureApply';
import { $selectionCapturable } from './suggestOnly';

/** Lexical's placeholder for a composition's start (not exported): a no-break space where it uses one. */
const COMPOSITION_START_CHAR = IS_FIREFOX || IS_SAFARI || IS_IOS || IS_APPLE_WEBKIT ? '\u00A0' : '\u200B';

function isOwnInsertion(node: LexicalNode | null, author: SuggestionAuthor): node is SuggestionNode {
  return $isSuggestionNode(node) && node.getKind() === 'insert' && node.getMeta().authorId === author.id;
}

/**
 * Puts the collapsed caret inside an insertion of `author`: the one it already stands in, or an
 * new one opened at the caret, holding Lexical's composition placeholder character (which it
 * removes when the composition ends), so the IME's text goes into it. Does nothing outside top-level paragraphs (capture's scope).
 */
export function $openInsertionAtCaret(author: SuggestionAuthor): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed() || !$selectionCapturable()) return;
  const { anchor } = selection;
  const node = anchor.getNode();
  const insertion = $createSuggestionNode('insert', newSuggestionMeta(author));
  if ($isTextNode(node)) {
    if (isOwnInsertion(node.getParent(), author)) return;
    const size = node.getTextContentSize();
    if (anchor.offset === 0) node.insertBefore(insertion);
    else if (anchor.offset >= size) node.insertAfter(insertion);
    else node.splitText(anchor.offset)[1].insertBefore(insertion);
  } else if (isOwnInsertion(node, author)) {
    return;
  } else if ($isElementNode(node) && !node.isInline()) {
    node.splice(anchor.offset, 0, [insertion]);
  } else {
    return;
  }
  $liftOutOfDeletions(insertion);
  // Lexical strips this character from the composed text when the composition ends.
  const placeholder = $createTextNode(COMPOSITION_START_CHAR);
  insertion.append(placeholder);
  placeholder.select(placeholder.getTextContentSize(), placeholder.getTextContentSize());
}

/** Opens the author's insertion at each composition's start while 修订 is on; undone by the returned function. */
export function registerCompositionInsertion(editor: LexicalEditor, author: SuggestionAuthor): () => void {
  return mergeRegister(
    editor.registerCommand(COMPOSITION_START_COMMAND, () => {
      if (!editor.isComposing()) $openInsertionAtCaret(author);
      return false;
    }, COMMAND_PRIORITY_CRITICAL),
    // A composition given up leaves its insertion empty: drop it.
    editor.registerNodeTransform(SuggestionNode, (node) => {
      if ($hasUpdateTag(COLLABORATION_TAG) || editor.isComposing()) return;
      if (node.getChildrenSize() === 0 && isOwnInsertion(node, author)) node.remove();
    }),
  );
}

/**
 * Before Lexical sees a composition start (a capture listener on the editor's root, so a DOM
 * editor only): a selection the composition replaces is removed in an update of its own, which
 * capture (waiting during a composition otherwise) records at once as a deletion.
 */
export function registerReplacedSelectionDeletion(editor: LexicalEditor): () => void {
  const onStart = (): void => {
    if (editor.isComposing()) return;
    editor.update(() => {
      const selection = $getSelection();
      if ($isRangeSelection(selection) && !selection.isCollapsed() && $selectionCapturable()) selection.removeText();
    }, { discrete: true });
  };
  const stopRoot = editor.registerRootListener((root, previous) => {
    previous?.removeEventListener('compositionstart', onStart, true);
    root?.addEventListener('compositionstart', onStart, true);
  });
  return () => {
    stopRoot();
    editor.getRootElement()?.removeEventListener('compositionstart', onStart, true);
  };
}
