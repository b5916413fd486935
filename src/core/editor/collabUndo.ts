/**
 * A workaround for a Yjs UndoManager defect (yjs 13.6.33, the undo of @lexical/yjs) that scrambles
 * a paragraph's text on undo.
 *
 * When an undo brings back deleted text, Yjs inserts a copy of it (the "redone" item) and points the
 * deleted original at the copy's first character. To bring back a deleted paragraph, Yjs puts each of
 * its characters back after its left neighbour, finding that neighbour through these pointers: a
 * neighbour that was itself deleted and restored earlier is found through its copy's first character.
 * That is right while the copy is one piece. Once an edit inside the copy has split it (a number
 * （一） restored by an undo, then 一 replaced by a level change), the text that followed the original
 * lands after the copy's first piece: （一）推进… comes back as （推进…一）.
 *
 * `alignRedoneTombstones` cuts each deleted original that has a copy at the same places where its copy
 * is cut, so every piece points at a copy piece of exactly its length and the lookup finds the piece
 * that really was next to the text. Only the document's local item structure changes: nothing is sent,
 * nothing is captured by an undo manager, and the text stays as it is.
 */
import * as Y from 'yjs';
import { COMMAND_PRIORITY_LOW, REDO_COMMAND, UNDO_COMMAND, mergeRegister, type LexicalEditor } from 'lexical';

/** The origin of the aligning transaction: not tracked by any undo manager, ignored by the binding. */
export const ALIGN_ORIGIN: unique symbol = Symbol('align-redone-tombstones');

/** Where `item` must be cut so that its pieces match the pieces of its redone copy. */
function cutsFor(store: Y.Doc['store'], item: Y.Item): Y.ID[] {
  const redone = item.redone;
  if (redone === null || item.length < 2) return [];
  const cuts: Y.ID[] = [];
  let offset = 0;
  while (offset < item.length) {
    const piece = Y.getItem(store, Y.createID(redone.client, redone.clock + offset));
    offset += piece.id.clock + piece.length - (redone.clock + offset);
    if (offset < item.length) cuts.push(Y.createID(item.id.client, item.id.clock + offset));
  }
  return cuts;
}

/**
 * Cuts, before `manager` pops its next undo (or redo) step, every item of its document whose effect an
 * undo or redo brought back (it has a redone copy) where its copy will be cut while the step is
 * undone: where the copy is cut now and where the step's own ranges cut it. Call it right before
 * `manager.undo()` (or `redo()`). Returns the number of cuts made: 0 when every such item already
 * matches its copy, so repeated calls add nothing.
 */
export function alignRedoneTombstones(manager: Y.UndoManager, which: 'undo' | 'redo'): number {
  const stack = which === 'undo' ? manager.undoStack : manager.redoStack;
  const step = stack[stack.length - 1];
  if (!step) return 0;
  const doc = manager.doc;
  let made = 0;
  doc.transact((transaction) => {
    // Popping the step cuts items at the edges of its ranges (the cuts merge back after this
    // transaction, and come back when the step is popped); the originals are cut to match them now.
    Y.iterateDeletedStructs(transaction, step.insertions, () => undefined);
    Y.iterateDeletedStructs(transaction, step.deletions, () => undefined);
    // A cut of a copy that was itself restored again can call for a cut of its original: to a fixed point.
    for (let pass = 0; pass < 16; pass += 1) {
      const cuts: Y.ID[] = [];
      for (const structs of doc.store.clients.values()) {
        for (const struct of structs) {
          if (struct instanceof Y.Item) cuts.push(...cutsFor(doc.store, struct));
        }
      }
      if (cuts.length === 0) return;
      for (const id of cuts) Y.getItemCleanStart(transaction, id);
      made += cuts.length;
    }
  }, ALIGN_ORIGIN);
  return made;
}

/**
 * Aligns before every undo and redo of `editor` (UNDO_COMMAND, REDO_COMMAND), ahead of the handler
 * that pops the step (CollaborationPlugin's, at editor priority), which still does the undo. `manager`
 * is looked up at each command: null (no collaboration) leaves the command as it is. Returns the
 * unregister function.
 */
export function registerAlignedUndo(editor: LexicalEditor, manager: () => Y.UndoManager | null): () => void {
  const align = (which: 'undo' | 'redo'): false => {
    const found = manager();
    if (found) alignRedoneTombstones(found, which);
    return false;
  };
  return mergeRegister(
    editor.registerCommand(UNDO_COMMAND, () => align('undo'), COMMAND_PRIORITY_LOW),
    editor.registerCommand(REDO_COMMAND, () => align('redo'), COMMAND_PRIORITY_LOW),
  );
}
