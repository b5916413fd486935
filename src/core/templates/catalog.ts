/**
 * The built-in templates (模板): for each kind the 文种 the office writes, with the skeleton GB/T 9704
 * and office practice expect and the properties it starts with. Everything the writer must replace
 * is a placeholder in 【】 (see `isPlaceholder`), never text that could pass for a value.
 */
import type { DocumentKind } from '../domain/kinds';

/** One paragraph of a skeleton; `level` 1–4 makes it a heading of that level. */
export interface SkeletonBlock { text: string; level?: number }

/** A built-in template: its id is stable (`official-request`), so an admin's edit can replace it. */
export interface BuiltinTemplate {
  id: string;
  kind: DocumentKind;
  /** The 文种. */
  genre: string;
  blocks: readonly SkeletonBlock[];
  /** Properties the 文种 itself implies (a 请示 is 上行文); office defaults are added when a piece starts. */
  properties: Readonly<Record<string, string>>;
}

const p = (text: string, level?: number): SkeletonBlock => (level === undefined ? { text } : { text, level });

/** True for a placeholder: text wholly in 【】, which the writer replaces. */
export function isPlaceholder(text: string): boolean {
  return /^【[^【】]+】[：:。]?$/.test(text.trim());
}

/** The placeholders left in a body's lines (a piece still holding any is unfinished). */
export function placeholdersIn(lines: readonly string[]): string[] {
  return lines.flatMap((line) => line.match(/【[^【】]{1,60}】/g) ?? []);
}

export const BUILTIN_TEMPLATES: readonly BuiltinTemplate[] = [
  // 公文 (GB/T 9704): 主送机关, 附件说明, 发文机关署名 and 成文日期 are properties the layout prints.
  { id: 'official-notice', kind: 'official', genre: '通知', properties: {}, blocks: [
    p('【发文缘由：为什么发这个通知，依据什么】，现将有关事项通知如下：'),
    p('一、【第一项事项】', 1), p('【具体要求】'),
    p('二、【第二项事项】', 1), p('【具体要求】'),
    p('三、工作要求', 1), p('【落实要求、时限和联系方式】'),
  ] },
  { id: 'official-bulletin', kind: 'official', genre: '通报', properties: {}, blocks: [
    p('【通报的事实：时间、地点、经过和结果】'),
    p('【分析与定性：原因、性质和影响】'),
    p('【通报的决定：表彰或处理意见】'),
    p('【希望与要求】'),
  ] },
  { id: 'official-request', kind: 'official', genre: '请示', properties: { 上行文: '是' }, blocks: [
    p('【请示缘由：背景、依据和必要性】'),
    p('【请示事项：请求批准或解决的具体事项，一文一事】'),
    p('妥否，请批示。'),
  ] },
  { id: 'official-report', kind: 'official', genre: '报告', properties: { 上行文: '是' }, blocks: [
    p('【报告缘由：依据哪项部署或要求报告】，现将有关情况报告如下：'),
    p('一、基本情况', 1), p('【工作开展情况和成效】'),
    p('二、存在的问题', 1), p('【问题和原因】'),
    p('三、下一步打算', 1), p('【措施和安排】'),
    p('特此报告。'),
  ] },
  { id: 'official-letter', kind: 'official', genre: '函', properties: {}, blocks: [
    p('【发函缘由】，现将有关事项函告如下：'),
    p('【商洽、询问或答复的具体事项】'),
    p('【请予支持为盼 / 请予函复 / 特此函复】'),
  ] },
  { id: 'official-minutes', kind: 'official', genre: '纪要', properties: {}, blocks: [
    p('【会议概况：时间、地点、主持人、参会人员和议题】'),
    p('会议议定事项如下：'),
    p('一、【议定事项一】', 1), p('【内容、责任单位和时限】'),
    p('二、【议定事项二】', 1), p('【内容、责任单位和时限】'),
    p('出席：【出席人员】'), p('列席：【列席人员】'),
  ] },
  { id: 'official-opinion', kind: 'official', genre: '意见', properties: {}, blocks: [
    p('为【目的】，根据【依据】，结合【本地区实际】，提出如下意见。'),
    p('一、总体要求', 1), p('【指导思想、基本原则和目标】'),
    p('二、主要任务', 1), p('【任务和措施】'),
    p('三、保障措施', 1), p('【组织、经费和督查保障】'),
  ] },
  { id: 'official-plan', kind: 'official', genre: '方案', properties: {}, blocks: [
    p('为【目的】，制定本方案。'),
    p('一、工作目标', 1), p('【目标】'),
    p('二、工作任务', 1), p('【任务、责任单位和时限】'),
    p('三、实施步骤', 1), p('【阶段和时间安排】'),
    p('四、保障措施', 1), p('【保障措施】'),
  ] },
  // 政务信息: 刊名, 期号, 编发单位 and 报送范围 are properties of the issue.
  { id: 'info-experience', kind: 'info', genre: '经验类', properties: {}, blocks: [
    p('【导语：做法和成效一句话概括】'),
    p('一、【做法一：小标题】', 1), p('【具体做法和数据】'),
    p('二、【做法二：小标题】', 1), p('【具体做法和数据】'),
    p('三、【做法三：小标题】', 1), p('【具体做法和数据】'),
  ] },
  { id: 'info-news', kind: 'info', genre: '动态类', properties: {}, blocks: [
    p('【时间】，【主体】【做了什么】，【取得什么效果】。'),
    p('【补充情况：数据、做法或下一步】'),
  ] },
  { id: 'info-special', kind: 'info', genre: '专报', properties: {}, blocks: [
    p('【摘要：事项和核心结论】'),
    p('一、基本情况', 1), p('【事实和数据】'),
    p('二、主要问题', 1), p('【问题和原因】'),
    p('三、意见建议', 1), p('【建议】'),
  ] },
  // 综合文稿: 署名 and 日期 are properties.
  { id: 'comprehensive-speech', kind: 'comprehensive', genre: '讲话稿', properties: {}, blocks: [
    p('同志们：'),
    p('【开场：会议目的和意义】'),
    p('一、【第一部分：认识和形势】', 1), p('【内容】'),
    p('二、【第二部分：重点任务】', 1), p('【内容】'),
    p('三、【第三部分：要求】', 1), p('【内容】'),
    p('【结束语】'),
  ] },
  { id: 'comprehensive-summary', kind: 'comprehensive', genre: '工作总结', properties: {}, blocks: [
    p('【总体概述：一年来的工作和主要成绩】'),
    p('一、主要工作和成效', 1), p('【工作、数据和成效】'),
    p('二、存在的问题和不足', 1), p('【问题】'),
    p('三、下一步工作打算', 1), p('【打算】'),
  ] },
  { id: 'comprehensive-plan', kind: 'comprehensive', genre: '工作打算', properties: {}, blocks: [
    p('【总体思路和目标】'),
    p('一、重点任务', 1), p('【任务和措施】'),
    p('二、保障措施', 1), p('【保障】'),
  ] },
  { id: 'research-report', kind: 'research', genre: '调研报告', properties: {}, blocks: [
    p('【调研背景：目的、时间、方式和范围】'),
    p('一、基本情况', 1), p('【现状和数据】'),
    p('二、主要做法和成效', 1), p('【做法和成效】'),
    p('三、存在的问题', 1), p('【问题和原因分析】'),
    p('四、对策建议', 1), p('【建议】'),
  ] },
  { id: 'media-article', kind: 'media', genre: '媒体稿件', properties: {}, blocks: [
    p('【导语：新闻事实】'),
    p('【主体：经过、细节和引语】'),
    p('【结尾：意义或下一步】'),
  ] },
];

/** The built-in template with this id, or undefined. */
export function builtinTemplate(id: string): BuiltinTemplate | undefined {
  return BUILTIN_TEMPLATES.find((t) => t.id === id);
}

/**
 * The properties an admin sets once per kind (office defaults), filled into every new piece of the
 * kind: the letterhead and signature lines of 公文, the masthead and distribution of 政务信息, the
 * byline of a manuscript.
 */
export const DEFAULT_FIELDS: Record<DocumentKind, readonly string[]> = {
  official: ['发文机关标志', '发文机关署名', '印发机关', '抄送', '主送机关'],
  info: ['刊名', '编发单位', '报', '送', '发', '共印'],
  comprehensive: ['署名'],
  research: ['署名'],
  media: ['署名'],
};

/**
 * The starting properties of a new piece: the office defaults of its kind (only their known
 * fields, blanks left out), then the template's, then what the writer gave, each overriding the one
 * before.
 */
export function startingProperties(
  kind: DocumentKind,
  defaults: Readonly<Record<string, string>>,
  template: Readonly<Record<string, string | string[]>>,
  given: Readonly<Record<string, string | string[]>> = {},
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of DEFAULT_FIELDS[kind]) {
    const value = defaults[key]?.trim();
    if (value) out[key] = value;
  }
  return { ...out, ...template, ...given };
}
