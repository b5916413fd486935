import { describe, expect, it } from 'vitest';
import { findings, flagged } from '../testing';

describe('half-width punctuation in Chinese text', () => {
  it('flags , . : ; ? ! ( ) between Chinese characters, with the full-width mark', () => {
    expect(findings('部署要求,坚持聚焦。', 'punctuation.halfwidth')).toEqual([
      { rule: 'punctuation.halfwidth', text: ',', severity: 'error', suggestions: ['，'] },
    ]);
    expect(flagged('联系电话:0539。是否可行?请报送;完成!', 'punctuation.halfwidth')).toEqual([':', '?', ';', '!']);
    expect(findings('提速增效.', 'punctuation.halfwidth')[0].suggestions).toEqual(['。']);
    expect(flagged('党政办公室(党工委办公室)负责。', 'punctuation.halfwidth')).toEqual(['(', ')']);
    expect(findings('一.提高思想认识', 'punctuation.halfwidth')[0].suggestions).toEqual(['、']);
    expect(findings('等等...', 'punctuation.halfwidth')[0]).toMatchObject({ text: '...', suggestions: ['……'] });
    expect(findings('坚持"项目为王"。', 'punctuation.halfwidth').map((f) => f.suggestions)).toEqual([['“'], ['”']]);
  });

  it('leaves numbers, times, the 1. marker, URLs, file names and Latin text alone', () => {
    for (const text of [
      '1.经验类信息。', '投资126.5亿元。', '共1,000人。', '上午10:30开会。', '详见https://www.gov.cn/a.html,谢谢。',
      '附件为考核细则.docx文件。', 'Hello, world. (See A.)', '使用Node.js开发。', '发送至a.b@gov.cn。', '（一）报送内容。',
    ]) {
      expect(flagged(text, 'punctuation.halfwidth'), text).toEqual([]);
    }
  });
});

describe('doubled punctuation', () => {
  it('flags a mark typed twice and two marks where one belongs', () => {
    expect(findings('各部门，，各单位。', 'punctuation.doubled')[0]).toMatchObject({ text: '，，', suggestions: ['，'] });
    expect(flagged('完成任务。。', 'punctuation.doubled')).toEqual(['。。']);
    expect(flagged('完成任务，。', 'punctuation.doubled')).toEqual(['，。']);
    expect(flagged('是否完成？。', 'punctuation.doubled')).toEqual(['？。']);
  });

  it('accepts ？！, ……, —— and marks around quotes', () => {
    for (const text of ['难道不是吗？！', '等等……', '沂河新区——', '他说：“好。”', '“三亮”，推动。']) {
      expect(flagged(text, 'punctuation.doubled'), text).toEqual([]);
    }
  });
});

describe('enumeration commas', () => {
  it('flags 、等 and 顿号 between quoted items', () => {
    expect(findings('招商引资、项目建设、等工作。', 'punctuation.enumeration')[0]).toMatchObject({ severity: 'warning', suggestions: [''] });
    expect(findings('实行“周调度”、“月通报”。', 'punctuation.enumeration')[0]).toMatchObject({ severity: 'hint' });
  });

  it('leaves enumerations with ， between groups (主送机关) and 等 as a verb alone', () => {
    for (const text of ['各部门、各单位，各街道：', '市委办公室，市政府办公室。', '用地、用工、融资等难题47个。', '项目、等待审批的事项。']) {
      expect(flagged(text, 'punctuation.enumeration'), text).toEqual([]);
    }
  });
});

describe('missing full stop', () => {
  it('asks for one at the end of a body paragraph', () => {
    expect(findings('今年以来，沂河新区坚持项目为王', 'punctuation.endStop')[0]).toMatchObject({ severity: 'error', text: '王', suggestions: ['王。'] });
    expect(findings('形成闭环，实行“周调度、月通报”', 'punctuation.endStop')[0]).toMatchObject({ severity: 'warning', suggestions: ['”。'] });
    expect(findings('围绕中心，服务大局，', 'punctuation.endStop')[0]).toMatchObject({ severity: 'warning', suggestions: ['。'] });
  });

  it('does not ask titles, headings, 主送机关, 署名, dates, attachments or list lines for one', () => {
    const text = [
      '关于进一步规范政务信息报送工作的通知', '各部门、各单位，各街道：', '一、提高思想认识', '（一）报送内容',
      '政务信息是重要依据，各部门要摆上位置。', '附件：1.沂河新区政务信息报送考核细则', '2.沂河新区政务信息报送联络员名单',
      '临沂沂河新区党政办公室', '2023年9月10日', '（联系人：王明；联系电话：0539-0000000）', '一是领导包联到项目；',
    ].join('\n');
    expect(findings(text, 'punctuation.endStop', undefined, true)).toEqual([]);
  });

  it('flags a title that ends with a full stop', () => {
    expect(findings('关于开展检查的通知。\n正文。', 'punctuation.endStop', undefined, true)).toMatchObject([{ text: '。', severity: 'warning' }]);
  });
});

describe('titles in plain text', () => {
  it('reads a lone sentence as body text, not as a title', () => {
    expect(findings('各单位要再接再厉。', 'punctuation.endStop', undefined, true)).toEqual([]);
    expect(findings('各单位要高度重视，再接再厉', 'punctuation.endStop', undefined, true)).toMatchObject([{ severity: 'error' }]);
  });
});
