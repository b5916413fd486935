/**
 * The 规范表述 dictionary shipped with 文稿台: common non-standard forms in official writing and their
 * standard forms. It is data: an admin edits the office's own copy (stored on the server), and this
 * list is what a fresh server starts from. Typos of fixed phrases are errors; usage questions are
 * warnings or hints. Each wrong form was chosen so that it cannot occur inside correct text
 * (a match inside the standard form itself, like 十九大 inside 党的十九大, is never reported).
 */
import type { PhrasingEntry } from './types';

export const DEFAULT_PHRASING: readonly PhrasingEntry[] = [
  // Fixed phrases and idioms, misspelt.
  { wrong: '再接再励', right: '再接再厉', severity: 'error' },
  { wrong: '一股作气', right: '一鼓作气', severity: 'error' },
  { wrong: '迫不急待', right: '迫不及待', severity: 'error' },
  { wrong: '按步就班', right: '按部就班', severity: 'error' },
  { wrong: '既往开来', right: '继往开来', severity: 'error' },
  { wrong: '一如继往', right: '一如既往', severity: 'error' },
  { wrong: '默守成规', right: '墨守成规', severity: 'error' },
  { wrong: '谈笑风声', right: '谈笑风生', severity: 'error' },
  { wrong: '川流不惜', right: '川流不息', severity: 'error' },
  { wrong: '出奇不意', right: '出其不意', severity: 'error' },
  { wrong: '卑躬曲膝', right: '卑躬屈膝', severity: 'error' },
  { wrong: '食不裹腹', right: '食不果腹', severity: 'error' },
  { wrong: '布署', right: '部署', severity: 'error' },
  { wrong: '贯切落实', right: '贯彻落实', severity: 'error' },
  { wrong: '按排', right: '安排', severity: 'error' },
  { wrong: '签定', right: '签订', severity: 'error' },
  { wrong: '坐阵', right: '坐镇', severity: 'error' },
  { wrong: '做为', right: '作为', severity: 'error' },
  { wrong: '精减会议', right: '精简会议', severity: 'error' },
  { wrong: '截止目前', right: '截至目前', severity: 'error', note: '“截至”后接时间点' },
  { wrong: '截止今年', right: '截至今年', severity: 'error', note: '“截至”后接时间点' },
  { wrong: '截止去年', right: '截至去年', severity: 'error', note: '“截至”后接时间点' },
  { wrong: '截止发稿', right: '截至发稿', severity: 'error', note: '“截至”后接时间点' },
  { wrong: '截止20', right: '截至20', severity: 'error', note: '“截至”后接时间点' },
  // Usage the standards settle (通用规范汉字表, 第一批异形词整理表).
  { wrong: '帐户', right: '账户' },
  { wrong: '帐号', right: '账号' },
  { wrong: '帐目', right: '账目' },
  { wrong: '台帐', right: '台账' },
  { wrong: '好象', right: '好像' },
  { wrong: '度过难关', right: '渡过难关' },
  { wrong: '反应问题', right: '反映问题' },
  { wrong: '反应情况', right: '反映情况' },
  { wrong: '反应诉求', right: '反映诉求' },
  { wrong: '其它', right: '其他', severity: 'hint' },
  { wrong: '惟一', right: '唯一', severity: 'hint' },
  { wrong: '交待问题', right: '交代问题', severity: 'hint' },
  // Names and formulations of the Party and the state.
  { wrong: '习总书记', right: '习近平总书记', severity: 'error' },
  { wrong: '新时代特色社会主义', right: '新时代中国特色社会主义', severity: 'error' },
  { wrong: '十九大精神', right: '党的十九大精神' },
  { wrong: '二十大精神', right: '党的二十大精神' },
  { wrong: '十四五规划', right: '“十四五”规划' },
  { wrong: '十四五时期', right: '“十四五”时期' },
  { wrong: '十五五规划', right: '“十五五”规划' },
  { wrong: '党中央国务院', right: '党中央、国务院' },
  { wrong: '省委省政府', right: '省委、省政府' },
  { wrong: '市委市政府', right: '市委、市政府' },
  { wrong: '区委区政府', right: '区委、区政府' },
  { wrong: '县委县政府', right: '县委、县政府' },
  { wrong: '党工委管委会', right: '党工委、管委会' },
];
