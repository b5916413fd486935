/**
 * 修订 in the editor: captures the user's edits as suggestions while `on` (and the body is
 * editable), limits editing to what capture records while `only`, toggles with Ctrl+Shift+E (as in Word), and dresses every suggestion mark in its
 * author's colour (the presence colour) with a title naming kind, author and local time.
 */
import { useEffect, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { $getNodeByKey, COMMAND_PRIORITY_HIGH, KEY_DOWN_COMMAND, TextNode, type LexicalEditor } from 'lexical';
import { $isSuggestionNode, SuggestionNode } from '../../../../core/suggestions/SuggestionNode';
import { $deletionOf, registerDeletionState } from '../../../../core/suggestions/deletionMark';
import { registerPastedSuggestionsCleared } from '../../../../core/suggestions/pastedSuggestions';
import type { SuggestionAuthor } from '../../../../core/suggestions/types';
import type { RunSuggestion } from '../../../../core/suggestions/bodyView';
import { formatFullTime } from '../../../ui/format';
import { cursorColorFor } from '../collab/cursorColor';
import { registerReplacedSelectionDeletion } from './compositionInsertion';
import { startSuggesting } from './suggestingMode';
import { registerDirectEditing } from '../../../../core/suggestions/capture';
import { registerSuggestOnly } from './suggestOnly';

/** Whether a key event is Word's 修订 shortcut, Ctrl+Shift+E (Cmd on macOS). */
export function isSuggestingShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.code === 'KeyE';
}

type Dressing = RunSuggestion & { marked: boolean };

/** Colour and title of a mark's element; `marked`: a text node's deletion mark, which also gets the classes and data an element has. */
function dress(dom: HTMLElement, mark: Dressing | null): void {
  const classes = ['desk-suggestion', 'desk-suggestion-delete'];
  if (!mark) {
    if (!dom.classList.contains('desk-suggestion')) return;
    dom.classList.remove(...classes);
    dom.style.removeProperty('--suggestion-color');
    dom.removeAttribute('title');
    delete dom.dataset.suggestionId;
    delete dom.dataset.authorId;
    return;
  }
  if (mark.marked) {
    dom.classList.add(...classes);
    dom.dataset.suggestionId = mark.id;
    dom.dataset.authorId = mark.authorId;
  }
  dom.style.setProperty('--suggestion-color', cursorColorFor(mark.authorId));
  // The core's title reads the stored UTC time; the screen shows the kind and local time.
  dom.title = `${mark.kind === 'insert' ? '插入' : '删除'} · ${mark.authorName} · ${formatFullTime(mark.at)}`;
}

/**
 * Dresses suggestion elements and text marked deleted (deletionMark.ts: a mark has no element of
 * its own, so its text's element gets the classes the stylesheet strikes through).
 */
function dressMarks(editor: LexicalEditor): () => void {
  const listen = (klass: typeof SuggestionNode | typeof TextNode) => editor.registerMutationListener(klass, (mutations) => {
    for (const [key, mutation] of mutations) {
      if (mutation === 'destroyed') continue;
      const dom = editor.getElementByKey(key);
      if (!dom) continue;
      const mark = editor.getEditorState().read((): Dressing | null => {
        const node = $getNodeByKey(key);
        if ($isSuggestionNode(node)) return { ...node.getMeta(), kind: node.getKind(), marked: false };
        const deletion = $deletionOf(node);
        return deletion ? { ...deletion, kind: 'delete', marked: true } : null;
      });
      dress(dom, mark);
    }
  }, { skipInitialization: false });
  return mergeRegister(listen(SuggestionNode), listen(TextNode));
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
  // While rendering, before any effect binds the editor to the Y.Doc (see registerDeletionState).
  useState(() => registerDeletionState(editor));

  useEffect(() => dressMarks(editor), [editor]);

  // Whether 修订 is on or not: pasted text carries nobody's suggestion (pastedSuggestions.ts).
  useEffect(() => registerPastedSuggestionsCleared(editor), [editor]);

  // 修订 on: edits become suggestions; off: text typed into a colleague's suggestion is still not theirs.
  useEffect(() => (on ? startSuggesting(editor, { id, name }) : registerDirectEditing(editor, { id, name })), [editor, on, id, name]);

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
