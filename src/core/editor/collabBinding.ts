/**
 * Installs collabTextRuns (sending) and collabChildren (receiving) into Lexical's Yjs binding. The
 * binding has no hook for either, so two methods of its element class are replaced, once per
 * process; every binding shares the class, the editor's CollaborationPlugin included. The class is
 * reached through a throwaway binding, which also shows the binding one plain text embed to learn
 * its text node class.
 */
import * as Y from 'yjs';
import { createYjsBinding } from '@lexical/yjs';
import { createEditor } from 'lexical';
import {
  hasElementMethods, isCollabElement, isCollabElementClass, isCollabLineBreakClass, isCollabText, isCollabTextClass,
  PLAIN_TEXT_PROPERTIES, type CollabClasses, type CollabElement,
} from './collabInternals';
import { $syncTextRunsInPlace } from './collabTextRuns';
import { applyChildrenFromYjs } from './collabChildren';

let installed = false;

/** Makes every Yjs binding keep characters in place (see collabTextRuns.ts); idempotent. */
export function installTextPreservingSync(): void {
  if (installed) return;
  installed = true;
  const editor = createEditor({ onError: (error) => { throw error; } });
  const binding = createYjsBinding({ editor, id: 'probe', doc: new Y.Doc(), docMap: new Map() });
  const root: unknown = binding.root;
  const proto: unknown = Object.getPrototypeOf(root);
  if (!isCollabElement(root) || !hasElementMethods(proto)) throw new Error('collabBinding: @lexical/yjs changed its element class');
  // Show it a plain text embed and a line break, to learn those classes too.
  const text = new Y.Map<unknown>();
  const lineBreak = new Y.Map<unknown>();
  root._xmlText.insertEmbed(0, text);
  root._xmlText.insertEmbed(1, lineBreak);
  for (const [key, value] of Object.entries(PLAIN_TEXT_PROPERTIES)) text.set(key, value);
  lineBreak.set('__type', 'linebreak');
  root.applyChildrenYjsDelta(binding, [{ insert: text }, { insert: lineBreak }]);
  const [learntText, learntLineBreak] = root._children;
  const Text: unknown = isCollabText(learntText) ? learntText.constructor : null;
  const LineBreak: unknown = learntLineBreak?.constructor;
  const Element: unknown = root.constructor;
  if (!isCollabTextClass(Text) || !isCollabLineBreakClass(LineBreak) || !isCollabElementClass(Element)) {
    throw new Error('collabBinding: @lexical/yjs changed its node classes');
  }
  const classes: CollabClasses = { Text, LineBreak, Element };
  const syncChildren = proto.syncChildrenFromLexical;
  proto.syncChildrenFromLexical = function syncChildrenFromLexical(
    this: CollabElement, bindingArg, next, prevNodeMap, dirtyElements, dirtyLeaves,
  ) {
    if ($syncTextRunsInPlace(this, bindingArg, next, prevNodeMap, dirtyElements, dirtyLeaves, classes)) return;
    syncChildren.call(this, bindingArg, next, prevNodeMap, dirtyElements, dirtyLeaves);
  };
  const replayDelta = proto.applyChildrenYjsDelta;
  proto.applyChildrenYjsDelta = function applyChildrenYjsDelta(this: CollabElement, bindingArg, deltas) {
    applyChildrenFromYjs(this, bindingArg, deltas, (replayed) => replayDelta.call(this, bindingArg, replayed), Text);
  };
}
