import { describe, expect, it } from 'vitest';
import { canonicalContentV1, canonicalTextV1 } from './canonicalV1';
import { V1_FIXTURE } from './fixtures/v1Body';

/**
 * Version 1's text of the fixture, as the code before version 2 made it (computed then, with that
 * code, and pinned here). Its SHA-256 is pinned in src/server/review/contentReader.test.ts.
 */
const PINNED_V1_TEXT = '{"blocks":[{"level":1,"runs":[{"format":0,"text":"一、总体要求"}],"type":"paragraph"},'
  + '{"level":2,"runs":[{"format":1,"text":"（一）明确目标。"},{"format":0,"text":"全年完成投资126.5亿元。"}],"type":"paragraph"},'
  + '{"level":0,"runs":[{"format":0,"text":"正文"},{"format":1,"text":"粗"},{"format":2,"text":"斜"},{"format":4,"text":"删"},{"format":8,"text":"线"},{"format":0,"text":"码上\\n第二行\\t签名"}],"type":"paragraph"},'
  + '{"items":[{"children":[],"runs":[{"format":0,"text":"甲项"}]},{"children":[{"items":[{"children":[],"runs":[{"format":0,"text":"甲项之一"}]}],"listType":"bullet","type":"list"}],"runs":[]},{"children":[],"runs":[{"format":0,"text":"乙项"}]}],"listType":"bullet","type":"list"},'
  + '{"items":[{"children":[],"runs":[{"format":0,"text":"第一条"}]}],"listType":"number","type":"list"},'
  + '{"rows":[[[{"format":0,"text":"甲乙"}],[{"format":1,"text":"项目"}]]],"type":"table"},'
  + '{"level":0,"runs":[],"type":"paragraph"}],'
  + '"kind":"info","properties":{"报":"市委办公室。","期号":"第45期","附件":["甲","乙"]},"title":"沂河新区“四个一”机制推动重点项目提速增效"}';

describe('canonical content version 1 (frozen)', () => {
  it('gives exactly the text it always gave for a fixed body', () => {
    expect(canonicalTextV1(V1_FIXTURE)).toBe(PINNED_V1_TEXT);
  });

  it('keeps the gaps it was made with: cell paragraphs run together, alignment and sub/superscript unread', () => {
    // Characterization, not a wish: changing any of this would break stored v1 approvals.
    const blocks = canonicalContentV1(V1_FIXTURE).blocks;
    expect(blocks[5]).toEqual({ type: 'table', rows: [[[{ text: '甲乙', format: 0 }], [{ text: '项目', format: 1 }]]] });
    expect(blocks[1]).toEqual({ type: 'paragraph', level: 2, runs: [{ text: '（一）明确目标。', format: 1 }, { text: '全年完成投资126.5亿元。', format: 0 }] });
  });
});
