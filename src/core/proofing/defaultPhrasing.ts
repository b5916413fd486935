/**
 * The 规范表述 dictionary shipped with 文稿台: non-standard forms in official writing and their
 * standard forms, each with its source or reason in the note. It is data: an admin edits the
 * office's own copy (stored on the server), and this list is what a fresh server starts from.
 *
 * Severity means something: 错误 (blocks submit and sign) only where the form is certainly wrong (a
 * misspelt fixed phrase, a misnamed theory or office); 警告 where the standard form is settled but a
 * reader could still mean the other; 提示 for usage. Each wrong form was chosen so that it cannot
 * occur inside correct text (a match inside the standard form itself, like 十九大 inside 党的十九大 or
 * 四个意识 inside “四个意识”, is never reported). Kept conservative: an entry is here only where the
 * standard form is the one central documents use.
 */
import type { PhrasingEntry } from './types';

const IDIOM = '成语、固定词语的规范写法';
const DEADLINE = '“截至”后接时间点，“截止”表示到期停止';
const VARIANTS = '《现代汉语词典》推荐词形';
const ZHANG = '货币、账目义用“账”，“帐”用于帐篷、蚊帐（《现代汉语词典》）';
const PARTY_CONGRESS = '党的全国代表大会及其全会称“党的××大”“党的××届×中全会”，不省“党的”';
const QUOTED = '数字缩略语加引号，与中央文件写法一致';
const THOUGHT = '党章规定的全称为“习近平新时代中国特色社会主义思想”';
const LEADER = '“习近平总书记”，不简称、不倒置';
const PARALLEL = '并列的机关名称之间用顿号';
const REFORM_2018 = '2018年《深化党和国家机构改革方案》，领导小组改为委员会';
const AGENCIES_2018 = '2018年党和国家机构改革后的机构名称';
const COVID = '国家卫生健康委公告2022年第7号：2023年1月8日起更名为“新型冠状病毒感染”';
const SOCIALISM = '现行提法为“中国特色社会主义”';
const MODERNIZATION = '党的二十大报告：“全面建设社会主义现代化国家”“全面建成社会主义现代化强国”';
const XIAOKANG = '党的十八大起提“全面建成小康社会”';
const TAIWAN = '新华社《禁用词和慎用词》：台湾地区的领导人及机构不冠以国家机构名称';
const HONGKONG = '香港、澳门特别行政区政府的规范称谓';
const SLOGAN = '中央文件中两句之间用顿号';
const PLENUM = '中央全会全称“党的××届×中全会”：届次用“届”，不与“××大”混写';
const TWO_ESTABLISHMENTS = '“两个确立”：确立习近平同志党中央的核心、全党的核心地位，确立习近平新时代中国特色社会主义思想的指导地位（党的十九届六中全会决议、党的二十大报告）';
const TWO_SAFEGUARDS = '“两个维护”：坚决维护习近平总书记党中央的核心、全党的核心地位，坚决维护党中央权威和集中统一领导（党的二十大报告、《中国共产党章程》）';
const CORE = '中央文件的固定表述“以习近平同志为核心的党中央”';
const TITLES = '党政机关公文称“习近平总书记”“习近平主席”，用姓名加职务全称，不用简称';
const TITLE_ORDER = '职务全称及顺序：中共中央总书记、国家主席、中央军委主席';
const BELT_ROAD = '“一带一路”加引号，称“倡议”，不称“战略”（国家发展改革委等部门2015年规范其译法时明确）';
const REPORT_20 = '党的二十大报告的提法';
const THOUGHTS = '习近平新时代中国特色社会主义思想的组成部分，以中央文件所用全称为准';

/** The plenary sessions of the 18th to 20th Central Committees: short forms and forms that mix 大 with 届. */
function plenums(): PhrasingEntry[] {
  const held: Array<[string, string]> = [['十八', '一二三四五六七'], ['十九', '一二三四五六七'], ['二十', '一二三四']];
  return held.flatMap(([term, sessions]) => [...sessions].flatMap((n): PhrasingEntry[] => [
    { wrong: `${term}届${n}中全会`, right: `党的${term}届${n}中全会`, note: PARTY_CONGRESS },
    { wrong: `${term}大${n}中全会`, right: `党的${term}届${n}中全会`, severity: 'error', note: PLENUM },
  ]));
}

/** The shipped entries, in groups; each wrong form occurs once. */
export const DEFAULT_PHRASING: readonly PhrasingEntry[] = [
  // Fixed phrases and idioms, misspelt.
  { wrong: '再接再励', right: '再接再厉', severity: 'error', note: IDIOM },
  { wrong: '一股作气', right: '一鼓作气', severity: 'error', note: IDIOM },
  { wrong: '迫不急待', right: '迫不及待', severity: 'error', note: IDIOM },
  { wrong: '按步就班', right: '按部就班', severity: 'error', note: IDIOM },
  { wrong: '既往开来', right: '继往开来', severity: 'error', note: IDIOM },
  { wrong: '一如继往', right: '一如既往', severity: 'error', note: IDIOM },
  { wrong: '默守成规', right: '墨守成规', severity: 'error', note: IDIOM },
  { wrong: '谈笑风声', right: '谈笑风生', severity: 'error', note: IDIOM },
  { wrong: '川流不惜', right: '川流不息', severity: 'error', note: IDIOM },
  { wrong: '出奇不意', right: '出其不意', severity: 'error', note: IDIOM },
  { wrong: '卑躬曲膝', right: '卑躬屈膝', severity: 'error', note: IDIOM },
  { wrong: '食不裹腹', right: '食不果腹', severity: 'error', note: IDIOM },
  { wrong: '实事求事', right: '实事求是', severity: 'error', note: IDIOM },
  { wrong: '布署', right: '部署', severity: 'error', note: IDIOM },
  { wrong: '贯切落实', right: '贯彻落实', severity: 'error', note: IDIOM },
  { wrong: '按排', right: '安排', severity: 'error', note: IDIOM },
  { wrong: '签定', right: '签订', severity: 'error', note: '订立条约、合同用“签订”' },
  { wrong: '坐阵', right: '坐镇', severity: 'error', note: IDIOM },
  { wrong: '做为', right: '作为', severity: 'error', note: IDIOM },
  { wrong: '精减会议', right: '精简会议', severity: 'error', note: '“精简”指去繁就简' },
  { wrong: '截止目前', right: '截至目前', severity: 'error', note: DEADLINE },
  { wrong: '截止今年', right: '截至今年', severity: 'error', note: DEADLINE },
  { wrong: '截止去年', right: '截至去年', severity: 'error', note: DEADLINE },
  { wrong: '截止发稿', right: '截至发稿', severity: 'error', note: DEADLINE },
  { wrong: '截止20', right: '截至20', severity: 'error', note: DEADLINE },
  // Usage the standards settle (通用规范汉字表, 第一批异形词整理表).
  { wrong: '帐户', right: '账户', note: ZHANG },
  { wrong: '帐号', right: '账号', note: ZHANG },
  { wrong: '帐目', right: '账目', note: ZHANG },
  { wrong: '台帐', right: '台账', note: ZHANG },
  { wrong: '对帐', right: '对账', note: ZHANG },
  { wrong: '记帐', right: '记账', note: ZHANG },
  { wrong: '查帐', right: '查账', note: ZHANG },
  { wrong: '报帐', right: '报账', note: ZHANG },
  { wrong: '转帐', right: '转账', note: ZHANG },
  { wrong: '结帐', right: '结账', note: ZHANG },
  { wrong: '帐本', right: '账本', note: ZHANG },
  { wrong: '帐单', right: '账单', note: ZHANG },
  { wrong: '帐簿', right: '账簿', note: ZHANG },
  { wrong: '帐务', right: '账务', note: ZHANG },
  { wrong: '帐面', right: '账面', note: ZHANG },
  { wrong: '帐款', right: '账款', note: ZHANG },
  { wrong: '好象', right: '好像', note: VARIANTS },
  { wrong: '想像', right: '想象', note: VARIANTS },
  { wrong: '图象', right: '图像', note: VARIANTS },
  { wrong: '影象', right: '影像', note: VARIANTS },
  { wrong: '录象', right: '录像', note: VARIANTS },
  { wrong: '度过难关', right: '渡过难关', note: '“渡”用于渡过江河、难关' },
  { wrong: '反应问题', right: '反映问题', note: '向上级转达情况用“反映”' },
  { wrong: '反应情况', right: '反映情况', note: '向上级转达情况用“反映”' },
  { wrong: '反应诉求', right: '反映诉求', note: '向上级转达情况用“反映”' },
  { wrong: '其它', right: '其他', severity: 'hint', note: '公文中统一用“其他”' },
  { wrong: '惟一', right: '唯一', severity: 'hint', note: VARIANTS },
  { wrong: '交待问题', right: '交代问题', severity: 'hint', note: '说明、坦白用“交代”' },
  // The theory, the leader and the Party's congresses.
  { wrong: '习总书记', right: '习近平总书记', severity: 'error', note: LEADER },
  { wrong: '新时代特色社会主义', right: '新时代中国特色社会主义', severity: 'error', note: THOUGHT },
  { wrong: '习近平中国特色社会主义思想', right: '习近平新时代中国特色社会主义思想', severity: 'error', note: THOUGHT },
  { wrong: '新时代习近平中国特色社会主义思想', right: '习近平新时代中国特色社会主义思想', severity: 'error', note: THOUGHT },
  { wrong: '习近平新时代中国特色社会主义理论', right: '习近平新时代中国特色社会主义思想', severity: 'error', note: THOUGHT },
  { wrong: '新时代中国特色社会主义思想', right: '习近平新时代中国特色社会主义思想', note: THOUGHT },
  { wrong: '习近平总书记系列重要讲话精神', right: '习近平总书记重要讲话精神', note: '党的十九大后不再用“系列重要讲话”的提法' },
  { wrong: '十八大以来', right: '党的十八大以来', note: PARTY_CONGRESS },
  { wrong: '十九大以来', right: '党的十九大以来', note: PARTY_CONGRESS },
  { wrong: '二十大以来', right: '党的二十大以来', note: PARTY_CONGRESS },
  { wrong: '十八大精神', right: '党的十八大精神', note: PARTY_CONGRESS },
  { wrong: '十九大精神', right: '党的十九大精神', note: PARTY_CONGRESS },
  { wrong: '十八大报告', right: '党的十八大报告', note: PARTY_CONGRESS },
  { wrong: '十九大报告', right: '党的十九大报告', note: PARTY_CONGRESS },
  { wrong: '二十大精神', right: '党的二十大精神', note: PARTY_CONGRESS },
  { wrong: '二十大报告', right: '党的二十大报告', note: PARTY_CONGRESS },
  ...plenums(),
  // The leader's titles in full form, and the fixed wording of the core.
  { wrong: '习主席', right: '习近平主席', note: `${TITLES}（军队系统另有规定）` },
  { wrong: '国家主席、中共中央总书记', right: '中共中央总书记、国家主席', severity: 'error', note: TITLE_ORDER },
  { wrong: '国家主席、军委主席', right: '国家主席、中央军委主席', note: TITLE_ORDER },
  { wrong: '以习近平总书记为核心的党中央', right: '以习近平同志为核心的党中央', severity: 'error', note: CORE },
  { wrong: '以习近平为核心的党中央', right: '以习近平同志为核心的党中央', severity: 'error', note: CORE },
  // “两个确立” and “两个维护”, word for word.
  { wrong: '确立习近平总书记党中央的核心', right: '确立习近平同志党中央的核心', severity: 'error', note: TWO_ESTABLISHMENTS },
  { wrong: '社会主义思想的领导地位', right: '社会主义思想的指导地位', severity: 'error', note: TWO_ESTABLISHMENTS },
  { wrong: '维护习近平同志党中央的核心', right: '维护习近平总书记党中央的核心', severity: 'error', note: TWO_SAFEGUARDS },
  { wrong: '党中央的核心、全党核心', right: '党中央的核心、全党的核心', severity: 'error', note: TWO_SAFEGUARDS },
  { wrong: '党中央核心、全党核心', right: '党中央的核心、全党的核心', severity: 'error', note: TWO_SAFEGUARDS },
  { wrong: '党中央权威和统一领导', right: '党中央权威和集中统一领导', severity: 'error', note: TWO_SAFEGUARDS },
  // The thought's parts and the formulations of the 20th Congress.
  { wrong: '习近平新时代中国特色主义思想', right: '习近平新时代中国特色社会主义思想', severity: 'error', note: THOUGHT },
  { wrong: '习近平生态思想', right: '习近平生态文明思想', severity: 'error', note: THOUGHTS },
  { wrong: '习近平法制思想', right: '习近平法治思想', severity: 'error', note: THOUGHTS },
  { wrong: '中国式的现代化', right: '中国式现代化', note: REPORT_20 },
  { wrong: '全过程民主', right: '全过程人民民主', note: `${REPORT_20}：“发展全过程人民民主”` },
  { wrong: '五大发展理念', right: '新发展理念', severity: 'hint', note: '党的十九大起统称“新发展理念”（创新、协调、绿色、开放、共享）' },
  { wrong: '供给侧改革', right: '供给侧结构性改革', note: '中央文件全称“供给侧结构性改革”' },
  { wrong: '一路一带', right: '“一带一路”', severity: 'error', note: BELT_ROAD },
  { wrong: '一带一路战略', right: '“一带一路”倡议', note: BELT_ROAD },
  { wrong: '“一带一路”战略', right: '“一带一路”倡议', note: BELT_ROAD },
  { wrong: '有中国特色社会主义', right: '中国特色社会主义', note: SOCIALISM },
  { wrong: '中国特色的社会主义', right: '中国特色社会主义', note: SOCIALISM },
  { wrong: '全面建设社会主义现代化强国', right: '全面建成社会主义现代化强国', note: MODERNIZATION },
  { wrong: '全面建成社会主义现代化国家', right: '全面建设社会主义现代化国家', note: MODERNIZATION },
  { wrong: '全面建设小康社会', right: '全面建成小康社会', note: XIAOKANG },
  { wrong: '不忘初心牢记使命', right: '不忘初心、牢记使命', note: SLOGAN },
  { wrong: '守初心担使命', right: '守初心、担使命', note: SLOGAN },
  // Numbered formulations, in quotation marks as central documents write them.
  { wrong: '四个意识', right: '“四个意识”', note: QUOTED },
  { wrong: '四个自信', right: '“四个自信”', note: QUOTED },
  { wrong: '两个维护', right: '“两个维护”', note: QUOTED },
  { wrong: '两个确立', right: '“两个确立”', note: QUOTED },
  { wrong: '四个全面', right: '“四个全面”', note: QUOTED },
  { wrong: '五位一体', right: '“五位一体”', note: QUOTED },
  { wrong: '两个一百年', right: '“两个一百年”', note: QUOTED },
  { wrong: '三会一课', right: '“三会一课”', note: QUOTED },
  { wrong: '两学一做', right: '“两学一做”', note: QUOTED },
  { wrong: '三严三实', right: '“三严三实”', note: QUOTED },
  { wrong: '放管服', right: '“放管服”', note: QUOTED },
  { wrong: '一国两制', right: '“一国两制”', note: QUOTED },
  { wrong: '九二共识', right: '“九二共识”', note: QUOTED },
  { wrong: '三个代表重要思想', right: '“三个代表”重要思想', note: QUOTED },
  { wrong: '一带一路', right: '“一带一路”', note: BELT_ROAD },
  { wrong: '两个结合', right: '“两个结合”', note: `${QUOTED}：把马克思主义基本原理同中国具体实际相结合、同中华优秀传统文化相结合（党的二十大报告）` },
  { wrong: '三个务必', right: '“三个务必”', note: `${QUOTED}：务必不忘初心、牢记使命，务必谦虚谨慎、艰苦奋斗，务必敢于斗争、善于斗争（党的二十大报告）` },
  { wrong: '两个大局', right: '“两个大局”', note: `${QUOTED}：中华民族伟大复兴战略全局和世界百年未有之大变局` },
  { wrong: '十三五规划', right: '“十三五”规划', note: QUOTED },
  { wrong: '十四五规划', right: '“十四五”规划', note: QUOTED },
  { wrong: '十四五时期', right: '“十四五”时期', note: QUOTED },
  { wrong: '十五五规划', right: '“十五五”规划', note: QUOTED },
  { wrong: '十五五时期', right: '“十五五”时期', note: QUOTED },
  // Offices and bodies: parallel names, and names changed by reform.
  { wrong: '党中央国务院', right: '党中央、国务院', note: PARALLEL },
  { wrong: '中共中央国务院', right: '中共中央、国务院', note: PARALLEL },
  { wrong: '省委省政府', right: '省委、省政府', note: PARALLEL },
  { wrong: '市委市政府', right: '市委、市政府', note: PARALLEL },
  { wrong: '区委区政府', right: '区委、区政府', note: PARALLEL },
  { wrong: '县委县政府', right: '县委、县政府', note: PARALLEL },
  { wrong: '党工委管委会', right: '党工委、管委会', note: PARALLEL },
  { wrong: '中央全面深化改革领导小组', right: '中央全面深化改革委员会', note: REFORM_2018 },
  { wrong: '中央网络安全和信息化领导小组', right: '中央网络安全和信息化委员会', note: REFORM_2018 },
  { wrong: '中央财经领导小组', right: '中央财经委员会', note: REFORM_2018 },
  { wrong: '中央外事工作领导小组', right: '中央外事工作委员会', note: REFORM_2018 },
  { wrong: '国家工商行政管理总局', right: '国家市场监督管理总局', note: AGENCIES_2018 },
  { wrong: '国家卫生和计划生育委员会', right: '国家卫生健康委员会', note: AGENCIES_2018 },
  { wrong: '国家卫计委', right: '国家卫生健康委', note: AGENCIES_2018 },
  { wrong: '环境保护部', right: '生态环境部', note: AGENCIES_2018 },
  { wrong: '国土资源部', right: '自然资源部', note: AGENCIES_2018 },
  { wrong: '国家安全生产监督管理总局', right: '应急管理部', note: AGENCIES_2018 },
  { wrong: '中纪委', right: '中央纪委', note: '中央纪律检查委员会的规范简称' },
  // Renamed diseases and sensitive designations.
  { wrong: '新冠肺炎', right: '新冠病毒感染', note: COVID },
  { wrong: '新型冠状病毒肺炎', right: '新型冠状病毒感染', note: COVID },
  { wrong: '台湾总统', right: '台湾地区领导人', severity: 'error', note: TAIWAN },
  { wrong: '台湾政府', right: '台湾当局', note: TAIWAN },
  { wrong: '香港政府', right: '香港特区政府', note: HONGKONG },
  { wrong: '澳门政府', right: '澳门特区政府', note: HONGKONG },
];
