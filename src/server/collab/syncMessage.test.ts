import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { assertWellFormedUpdate, inspectIncomingUpdate } from './syncMessage';

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
