import { describe, expect, it } from 'vitest';
import { encodeSeedBody, readBody } from '../../editor/headless';
import { blocksFromHtml, levelOfText, parseHtml } from './htmlBlocks';
import { recognizeOfficialParts } from './officialParts';

describe('mammoth HTML to seed blocks', () => {
  it('keeps heading levels, numbered headings, formats, lists and tables', () => {
    const blocks = blocksFromHtml([
      '<h1>一、总体要求</h1>',
      '<p>（二）报送时限。一般信息于事件发生后2个工作日内报送。</p>',
      '<p><strong>加粗</strong>与<em>倾斜</em>和<u>下划线</u>&amp;&lt;</p>',
      '<p></p>',
      '<ul><li>甲<ul><li>甲一</li></ul></li><li>乙</li></ul>',
      '<table><tr><td><p>项目</p></td><td><p>投资</p></td></tr><tr><td><p>A</p></td><td></td></tr></table>',
    ].join(''));
    expect(blocks).toEqual([
      { type: 'paragraph', level: 1, text: '一、总体要求' },
      { type: 'paragraph', level: 2, text: '（二）报送时限。一般信息于事件发生后2个工作日内报送。' },
      {
        type: 'paragraph', text: '加粗与倾斜和下划线&<',
        runs: [{ text: '加粗', format: 1 }, { text: '与', format: 0 }, { text: '倾斜', format: 2 }, { text: '和', format: 0 }, { text: '下划线', format: 8 }, { text: '&<', format: 0 }],
      },
      { type: 'list', ordered: false, items: [{ depth: 0, runs: [{ text: '甲', format: 0 }] }, { depth: 1, runs: [{ text: '甲一', format: 0 }] }, { depth: 0, runs: [{ text: '乙', format: 0 }] }] },
      { type: 'table', rows: [[[[{ text: '项目', format: 0 }]], [[{ text: '投资', format: 0 }]]], [[[{ text: 'A', format: 0 }]], [[]]]] },
    ]);
  });

  it('takes a long numbered paragraph for body text, and a short one for a heading', () => {
    expect(levelOfText('1.经验类信息。突出做法的可复制性。')).toBe(3);
    expect(levelOfText(`（1）${'很长的一句话'.repeat(10)}`)).toBe(0);
    expect(levelOfText('3.5亿元的投资')).toBe(0);
  });

  it('survives unclosed and stray tags', () => {
    expect(parseHtml('<p>a<strong>b</p></em>c').children).toHaveLength(2);
  });

  it('seeds a body with formatted runs, nested lists and tables that read back the same', () => {
    const blocks = blocksFromHtml('<h2>（一）甲</h2><p><strong>粗</strong>细</p><ol><li>一<ol><li>一·一</li></ol></li></ol><table><tr><td><p>格</p></td></tr></table>');
    const reading = readBody(encodeSeedBody(blocks));
    expect(reading.text).toBe('（一）甲\n粗细\n一\n一·一\n格');
    expect(reading.json.root.children).toMatchObject([
      { type: 'desk-paragraph', level: 2 },
      { children: [{ text: '粗', format: 1 }, { text: '细', format: 0 }] },
      { type: 'list', listType: 'number' },
      { type: 'table' },
    ]);
  });
});

describe('official parts', () => {
  const p = (text: string, level?: number) => ({ type: 'paragraph' as const, text, ...(level && { level }) });

  it('moves the head, closing and 版记 of a 公文 into properties and keeps the body and attachments', () => {
    const result = recognizeOfficialParts([
      p('000123'), p('秘密★1年'), p('特急'), p('临沂沂河新区党政办公室文件'), p('沂新办发〔2023〕12号\t签发人：张三'),
      p('关于进一步规范政务信息报送工作的通知'), p('各部门、各单位，各街道：'),
      p('为进一步提高政务信息报送质量，现就有关事项通知如下。'), p('一、提高思想认识', 1), p('政务信息是重要依据。'),
      p('附件：1.考核细则'), p('2.联络员名单'), p('临沂沂河新区党政办公室'), p('2023年9月10日'), p('（联系人：王明）'),
      p('附件1'), p('考核细则'), p('考核按季度进行。'),
      p('抄送：区党工委、管委会领导，区纪工委。'), p('临沂沂河新区党政办公室\t2023年9月10日印发'),
    ]);
    expect(result.kind).toBe('official');
    expect(result.title).toBe('关于进一步规范政务信息报送工作的通知');
    expect(result.properties).toEqual({
      份号: '000123', 密级: '秘密', 保密期限: '1年', 紧急程度: '特急', 发文机关标志: '临沂沂河新区党政办公室文件',
      发文字号: '沂新办发〔2023〕12号', 上行文: '是', 签发人: '张三', 主送机关: '各部门、各单位，各街道：',
      附件: ['考核细则', '联络员名单'], 发文机关署名: '临沂沂河新区党政办公室', 成文日期: '2023年9月10日', 附注: '（联系人：王明）',
      抄送: '区党工委、管委会领导，区纪工委。', 印发机关: '临沂沂河新区党政办公室', 印发日期: '2023年9月10日',
    });
    expect(result.blocks.map((b) => (b.type === 'paragraph' ? b.text : b.type))).toEqual([
      '为进一步提高政务信息报送质量，现就有关事项通知如下。', '一、提高思想认识', '政务信息是重要依据。', '附件1', '考核细则', '考核按季度进行。',
    ]);
  });

  it('reads a bulletin’s masthead and tail', () => {
    const result = recognizeOfficialParts([
      p('沂河新区政务信息'), p('第45期'), p('沂河新区党政办公室\t2023年9月18日'), p('标题'), p('正文。'),
      p('报：市委办公室。'), p('送：区领导。'), p('发：各部门。\t（共印30份）'),
    ]);
    expect(result).toMatchObject({
      kind: 'info', title: '标题',
      properties: { 刊名: '沂河新区政务信息', 期号: '第45期', 编发单位: '沂河新区党政办公室', 日期: '2023年9月18日', 报: '市委办公室。', 送: '区领导。', 发: '各部门。', 共印: '30' },
    });
    expect(result.blocks).toEqual([p('正文。')]);
  });

  it('reads a manuscript’s title, byline and date, and leaves ordinary text alone', () => {
    expect(recognizeOfficialParts([p('调研报告'), p('王明'), p('2023年9月1日'), p('正文。')])).toMatchObject({
      kind: null, title: '调研报告', properties: { 署名: '王明', 日期: '2023年9月1日' }, blocks: [p('正文。')],
    });
    expect(recognizeOfficialParts([p('今天天气很好。'), p('我们出去走走。')])).toMatchObject({ title: null, properties: {}, blocks: [p('今天天气很好。'), p('我们出去走走。')] });
  });
});
