/**
 * 修订 in the editor: captures the user's edits as suggestions while `on` (and the body is
 * editable), limits editing to what capture records while `only`, toggles with Ctrl+Shift+E (as in Word), and dresses every suggestion mark in its
 * author's colour (the presence colour) with a title naming kind, author and local time.
 */
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, COMMAND_PRIORITY_HIGH, KEY_DOWN_COMMAND, type LexicalEditor } from 'lexical';
import { $isSuggestionNode, SuggestionNode } from '../../../../core/suggestions/SuggestionNode';
import type { SuggestionAuthor } from '../../../../core/suggestions/types';
import { formatFullTime } from '../../../ui/format';
import { cursorColorFor } from '../collab/cursorColor';
import { registerReplacedSelectionDeletion } from './compositionInsertion';
import { startSuggesting } from './suggestingMode';
import { registerSuggestOnly } from './suggestOnly';

/** Whether a key event is Word's 修订 shortcut, Ctrl+Shift+E (Cmd on macOS). */
export function isSuggestingShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.code === 'KeyE';
}

function dressMarks(editor: LexicalEditor): () => void {
  return editor.registerMutationListener(SuggestionNode, (mutations) => {
    for (const [key, mutation] of mutations) {
      if (mutation === 'destroyed') continue;
      const dom = editor.getElementByKey(key);
      if (!dom) continue;
      const meta = editor.getEditorState().read(() => {
        const node = $getNodeByKey(key);
        return $isSuggestionNode(node) ? { ...node.getMeta(), kind: node.getKind() } : null;
      });
      if (!meta) continue;
      dom.style.setProperty('--suggestion-color', cursorColorFor(meta.authorId));
      // The core's title reads the stored UTC time; the screen shows the kind and local time.
      dom.title = `${meta.kind === 'insert' ? '插入' : '删除'} · ${meta.authorName} · ${formatFullTime(meta.at)}`;
    }
  }, { skipInitialization: false });
}

/**
 * `on`: capture the user's edits as suggestions; `only`: suggest-only editing (suggestOnly.ts);
 * `onToggle`: what Ctrl+Shift+E does, null when 修订 cannot be toggled now.
 */
export function SuggestingPlugin({ on, only, author, onToggle }: {
  on: boolean;
  only: boolean;
  author: SuggestionAuthor;
  onToggle: (() => void) | null;
}) {
  const [editor] = useLexicalComposerContext();
  const { id, name } = author;

  useEffect(() => dressMarks(editor), [editor]);

  useEffect(() => (on ? startSuggesting(editor, { id, name }) : undefined), [editor, on, id, name]);

  useEffect(() => (on ? registerReplacedSelectionDeletion(editor) : undefined), [editor, on]);

  useEffect(() => (only ? registerSuggestOnly(editor) : undefined), [editor, only]);

  useEffect(() => {
    if (!onToggle) return undefined;
    return editor.registerCommand(KEY_DOWN_COMMAND, (event) => {
      if (!isSuggestingShortcut(event)) return false;
      event.preventDefault();
      onToggle();
      return true;
    }, COMMAND_PRIORITY_HIGH);
  }, [editor, onToggle]);

  return null;
}
