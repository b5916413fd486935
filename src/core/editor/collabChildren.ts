/**
 * The receiving side of collabTextRuns: applies a remote change to a collab element's children by
 * reading them back from its Y.XmlText, which is the truth, instead of replaying the change's delta
 * as Lexical's Yjs binding does.
 *
 * The binding's replay guesses, and its guesses go wrong on shapes that are ordinary once two
 * writers format and delete the same words at once: a format embed deleted with no text node
 * before it takes its characters with it (the binding deletes them from the Y.Doc, for everyone),
 * characters that arrive where it has no text node are deleted too, an embed inserted right after
 * another node's embed is placed before that node, and a text node left empty by a concurrent delete
 * is dropped by Lexical without the binding knowing, so its later merges delete the wrong embed.
 */
import type { Binding } from '@lexical/yjs';
import {
  collabNodeOf, isCollabText, isYjsDelta, newPlainTextNode,
  type CollabChild, type CollabElement, type CollabTextClass, type YjsDeltaEntry,
} from './collabInternals';
import * as Y from 'yjs';

function hasNodeType(shared: unknown): boolean {
  if (shared instanceof Y.Map) return typeof shared.get('__type') === 'string';
  if (shared instanceof Y.XmlText || shared instanceof Y.XmlElement) return typeof shared.getAttribute('__type') === 'string';
  return false;
}

/** A write to make after reading: give dangling characters a text node, or delete an empty embed. */
interface Fix { at: number; index: number; adopt?: string; drop?: CollabChild }

/**
 * Sets `collab`'s children to the embeds of its Y.XmlText in order, each text node's text to the
 * characters after its embed. `replay` is the binding's own delta replay: it is used only to create
 * collab nodes for embeds not seen before (its factory is private; where it puts them does not
 * matter), or for the whole change when an embed is of no known type.
 *
 * Characters with no text embed before them get a plain one, and text embeds with no characters are
 * deleted, by editable editors only: writes, made as the binding's own (it ignores them) after the
 * current transaction. Every
 * client that sees the same state makes the same deletions, and two clients adopting the same
 * characters leave an empty embed that the next reader deletes, so they agree.
 */
export function applyChildrenFromYjs(
  collab: CollabElement, binding: Binding, deltas: YjsDeltaEntry[], replay: (deltas: YjsDeltaEntry[]) => void,
  TextClass: CollabTextClass,
): void {
  const xmlText = collab._xmlText;
  const truth: unknown = xmlText.toDelta();
  if (!isYjsDelta(truth)) {
    replay(deltas);
    return;
  }
  const unseen = truth.filter((entry) => typeof entry.insert !== 'string' && collabNodeOf(entry.insert) === null);
  if (unseen.some((entry) => !hasNodeType(entry.insert))) {
    replay(deltas);
    return;
  }
  if (unseen.length > 0) replay(unseen.map((entry) => ({ insert: entry.insert })));
  const order: CollabChild[] = [];
  const texts = new Map<CollabChild, string>();
  const fixes: Fix[] = [];
  let offset = 0;
  for (const entry of truth) {
    if (typeof entry.insert === 'string') {
      const last = order[order.length - 1];
      if (last !== undefined && texts.has(last)) texts.set(last, (texts.get(last) ?? '') + entry.insert);
      else fixes.push({ at: offset, index: order.length, adopt: entry.insert });
      offset += entry.insert.length;
      continue;
    }
    const node = collabNodeOf(entry.insert);
    if (node === null) throw new Error('collabChildren: an embed has no collab node');
    if (isCollabText(node)) texts.set(node, '');
    fixes.push({ at: offset, index: order.length, drop: node });
    order.push(node);
    offset += 1;
  }
  const children = collab._children;
  children.splice(0, children.length, ...order);
  for (const [node, text] of texts) if (isCollabText(node)) node._text = text;
  const writes = fixes.filter((fix) => fix.adopt !== undefined || (fix.drop !== undefined && texts.get(fix.drop) === ''));
  // A reader (a read-only editor) writes nothing: the server would refuse it and tell the reader its
  // edits were refused. Its empty node stays, invisible; characters without an embed show once a
  // writer's client has given them one.
  if (writes.length === 0 || !binding.editor.isEditable()) return;
  const write = (): void => {
    // From the end back, so that earlier offsets and indices stay as read.
    for (const fix of writes.sort((a, b) => b.at - a.at)) {
      if (fix.drop) {
        xmlText.delete(fix.at, 1);
        children.splice(children.indexOf(fix.drop), 1);
      } else if (fix.adopt !== undefined) {
        const node = newPlainTextNode(TextClass, collab, fix.adopt);
        xmlText.insertEmbed(fix.at, node._map);
        children.splice(fix.index, 0, node);
      }
    }
  };
  if (xmlText.doc) xmlText.doc.transact(write, binding);
  else write();
}
