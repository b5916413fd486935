import { describe, expect, it } from 'vitest';
import { canonicalTextV1 } from '../../core/review/canonicalV1';
import { V1_FIXTURE } from '../../core/review/fixtures/v1Body';
import { contentHash, contentSnapshot, matchesHash } from './contentReader';
import { sha256Hex } from '../digest';

/** The v1 hash of the fixture, as the code before version 2 stored it (computed with that code). */
const PINNED_V1_HASH = '000a909517fd86fdb7fc9764b1cf106ce545a982293572d42196b43363ba13d0';

const state = new Uint8Array();

describe('content hashes', () => {
  it('keeps making the v1 hash that approvals before version 2 stored', () => {
    expect(sha256Hex(canonicalTextV1(V1_FIXTURE))).toBe(PINNED_V1_HASH);
    expect(contentHash(V1_FIXTURE, 1)).toBe(PINNED_V1_HASH);
  });

  it('stores new hashes as v2 and verifies each hash in the version that made it', () => {
    const content = contentSnapshot(V1_FIXTURE, state);
    expect(content.hash).toMatch(/^v2:[0-9a-f]{64}$/);
    expect(content.hash).toBe(`v2:${sha256Hex(content.canonicalText)}`);
    expect(matchesHash(content, content.hash)).toBe(true);
    expect(matchesHash(content, PINNED_V1_HASH)).toBe(true);
  });

  it('refuses a hash of other content, of an unknown version, or of the other version’s digest', () => {
    const content = contentSnapshot(V1_FIXTURE, state);
    const changed = contentSnapshot({ ...V1_FIXTURE, properties: { ...V1_FIXTURE.properties, 期号: '第46期' } }, state);
    expect(matchesHash(changed, PINNED_V1_HASH)).toBe(false);
    expect(matchesHash(changed, content.hash)).toBe(false);
    expect(matchesHash(content, `v3:${content.hash.slice(3)}`)).toBe(false);
    expect(matchesHash(content, content.hash.slice(3))).toBe(false);
    expect(matchesHash(content, `v2:${PINNED_V1_HASH}`)).toBe(false);
    expect(matchesHash(content, '')).toBe(false);
  });
});
