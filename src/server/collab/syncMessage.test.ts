import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { MessageType } from '@hocuspocus/server';
import { assertWellFormedUpdate, inspectIncomingUpdate, readIncomingUpdate, takeOverIncomingUpdate } from './syncMessage';

/** A client's whole state (its structs from clock 0), or, with `typed`, one keystroke after it. */
function sampleUpdate(typed = false): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('body').insert(0, '各单位：现将有关事项通知如下。');
  doc.getMap('meta').set('title', { text: '通知', level: 1 });
  doc.getXmlFragment('root').insert(0, [new Y.XmlElement('p')]);
  doc.getText('body').delete(2, 3);
  if (!typed) return Y.encodeStateAsUpdate(doc);
  const before = Y.encodeStateVector(doc);
  doc.getText('body').insert(4, '现');
  doc.getXmlFragment('root').insert(1, [new Y.XmlElement('p')]);
  return Y.encodeStateAsUpdate(doc, before);
}

/** A tiny deterministic generator, so a failure names its case. */
function* mutations(update: Uint8Array, count: number): Generator<Uint8Array> {
  let seed = 17;
  const next = (n: number): number => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
  for (let i = 0; i < count; i++) {
    const copy = update.slice(0, i % 3 === 0 ? next(update.length) : update.length);
    for (let k = 0; k < 1 + next(3); k++) if (copy.length > 0) copy[next(copy.length)] = next(256);
    yield copy;
  }
}

describe('validating an incoming update without a scratch document', () => {
  it('refuses garbage, truncated and corrupted updates', () => {
    expect(() => inspectIncomingUpdate(new Uint8Array([0xff, 0xff, 0xff, 0x01, 0x02, 0x03]))).toThrow();
    const good = sampleUpdate();
    expect(inspectIncomingUpdate(good)).not.toBeNull();
    expect(() => inspectIncomingUpdate(good.slice(0, good.length - 5))).toThrow();
  });

  it('tells an empty update (a sync reply with nothing new) from one with changes', () => {
    expect(inspectIncomingUpdate(Y.encodeStateAsUpdate(new Y.Doc()))).toBeNull();
  });

  it.each([['a whole state', false], ['a keystroke', true]])('refuses every corruption of %s that a scratch document refuses', (_, typed) => {
    let refusedByScratch = 0;
    for (const update of mutations(sampleUpdate(typed), 600)) {
      let scratchThrew = false;
      try { assertWellFormedUpdate(update); } catch { scratchThrew = true; }
      if (!scratchThrew) continue;
      refusedByScratch += 1;
      expect(() => inspectIncomingUpdate(update)).toThrow();
    }
    expect(refusedByScratch).toBeGreaterThan(20);
  });
});

/** A Hocuspocus message for `name` of `type` whose body `write` writes, as a provider sends it. */
function message(name: string, type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, name);
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

describe('taking over an update the server has applied and acknowledges itself', () => {
  // Updates whose length prefix takes one, two and three bytes (under 128, under 16,384, more).
  const updates = [9, 3_000, 20_000].map((size) => {
    const doc = new Y.Doc();
    doc.getText('body').insert(0, 'a'.repeat(size));
    return Y.encodeStateAsUpdate(doc);
  });
  const prefixBytes = (update: Uint8Array): number => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, update.length);
    return encoding.length(encoder);
  };

  it('leaves a message Hocuspocus reads as a stateless one with an empty payload', () => {
    expect(updates.map(prefixBytes)).toEqual([1, 2, 3]);
    for (const update of updates) {
      for (const [type, syncType] of [MessageType.Sync, MessageType.SyncReply].flatMap((t) => [syncProtocol.messageYjsUpdate, syncProtocol.messageYjsSyncStep2].map((s) => [t, s]))) {
        const raw = message('doc-甲', type, (e) => { encoding.writeVarUint(e, syncType); encoding.writeVarUint8Array(e, update); });
        expect(readIncomingUpdate(raw)).toEqual(update);
        expect(takeOverIncomingUpdate(raw)).toBe(true);
        // Read as Hocuspocus reads it: the name, the message type, then a stateless message's string.
        const decoder = decoding.createDecoder(raw);
        expect(decoding.readVarString(decoder)).toBe('doc-甲');
        expect(decoding.readVarUint(decoder)).toBe(MessageType.Stateless);
        expect(decoding.readVarString(decoder)).toBe('');
        expect(readIncomingUpdate(raw)).toBeNull();
      }
    }
  });

  it('leaves a message that carries no update as it is', () => {
    const doc = new Y.Doc();
    const stepOne = message('doc-甲', MessageType.Sync, (e) => syncProtocol.writeSyncStep1(e, doc));
    const awareness = message('doc-甲', MessageType.Awareness, (e) => encoding.writeVarUint8Array(e, Uint8Array.of(1, 2, 3)));
    for (const raw of [stepOne, awareness]) {
      const before = raw.slice();
      expect(takeOverIncomingUpdate(raw)).toBe(false);
      expect(raw).toEqual(before);
    }
  });
});
