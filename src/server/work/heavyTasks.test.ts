import { describe, expect, it } from 'vitest';
import { encodeSeedBody, readBody } from '../../core/editor/headless';
import { bodyBlocksFromLexical, bodyLines } from '../../core/body/bodyModel';
import { contentHash, contentSnapshot, matchesHash } from '../review/contentReader';
import { HEAVY_TASKS } from './heavyTasks';

const fields = { title: '关于做好政务信息工作的通知', kind: 'official', properties: { 发文字号: '某发〔2026〕1号', 主送机关: [] as string[] } };
const before = encodeSeedBody([
  { type: 'paragraph', level: 1, text: '一、提高思想认识' },
  { type: 'paragraph', text: '政务信息是重要依据。' },
  { type: 'list', ordered: true, items: [{ runs: [{ text: '及时' }] }, { depth: 1, runs: [{ text: '准确' }] }] },
]);
const after = encodeSeedBody([
  { type: 'paragraph', level: 1, text: '一、提高思想认识' },
  { type: 'paragraph', text: '政务信息是党委、政府了解情况的重要依据。' },
]);

describe('heavy tasks', () => {
  it('make the same v2 canonical text and hash as the main thread, and the v1 hash for older approvals', () => {
    const reading = HEAVY_TASKS.canonicalContent({ state: before, fields });
    const source = { ...fields, body: readBody(before).json };
    const expected = contentSnapshot(source, before);
    expect(reading.hash).toMatch(/^v2:[0-9a-f]{64}$/);
    expect(reading).toEqual({ canonicalText: expected.canonicalText, hash: expected.hash, v1Hash: expected.v1Hash });
    expect(reading.v1Hash).toBe(contentHash(source, 1));
    expect(matchesHash(reading, reading.hash)).toBe(true);
    expect(matchesHash(reading, contentHash(source, 1))).toBe(true);
    expect(matchesHash(HEAVY_TASKS.canonicalContent({ state: after, fields }), reading.v1Hash)).toBe(false);
  });

  it('read a version’s lines from its state with the body model, and its title from its canonical text', () => {
    const canonicalText = HEAVY_TASKS.canonicalContent({ state: before, fields }).canonicalText;
    const version = HEAVY_TASKS.readVersion({ state: before, canonicalText });
    expect(version.title).toBe(fields.title);
    expect(version.lines).toEqual(bodyLines(bodyBlocksFromLexical(readBody(before).json)));
    // A version saved with a v1 canonical text: only its title is read from it.
    expect(HEAVY_TASKS.readVersion({ state: before, canonicalText: JSON.stringify({ title: '旧', blocks: [] }) }).lines).toEqual(version.lines);
  });

  it('diff two states by their body lines', () => {
    const lines = HEAVY_TASKS.diffStates({ before, after });
    expect(lines.some((line) => line.type !== 'equal')).toBe(true);
    expect(HEAVY_TASKS.diffStates({ before, after: before }).every((line) => line.type === 'equal')).toBe(true);
  });
});
