import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from './frontMatter';

describe('parseFrontMatter', () => {
  it('reads values, quoted values and lists, and where the body starts', () => {
    const parsed = parseFrontMatter('---\nkind: notice\n标题: "关于 X 的通知"\n抄送:\n  - 甲\n  - \'乙\'\n---\n正文\n');
    expect(parsed).toEqual({ properties: { kind: 'notice', 标题: '关于 X 的通知', 抄送: ['甲', '乙'] }, body: '正文\n', bodyLine: 8 });
  });

  it('accepts CRLF lines and refuses a file without front matter', () => {
    expect(parseFrontMatter('---\r\na: 1\r\n---\r\nb')?.properties).toEqual({ a: '1' });
    expect(parseFrontMatter('正文')).toBeNull();
  });
});
