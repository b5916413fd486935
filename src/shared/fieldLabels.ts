/**
 * The Chinese name of every field a request carries (body, query and path), for the messages that
 * say which field is wrong and why (`标题不能为空`). One table for all the schemas of src/shared and
 * the routes' path and query parameters: a key means the same thing wherever it occurs, so each has
 * one label. `fieldLabels.test.ts` checks that every key of the shared schemas has one.
 */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  // Accounts and sessions
  username: '用户名',
  password: '密码',
  displayName: '姓名',
  roles: '角色',
  role: '角色',
  disabled: '停用',
  secret: '本机登录凭据',
  userId: '用户',
  department: '部门',
  // Documents
  id: '编号',
  title: '标题',
  kind: '类别',
  blocks: '正文段落',
  type: '类型',
  level: '级别',
  text: '文字',
  properties: '属性',
  owner: '撰稿人',
  writer: '撰稿人',
  q: '关键词',
  deleted: '回收站',
  reason: '原因',
  layout: '版式',
  revisions: '修订',
  // Review workflow
  action: '操作',
  assigneeId: '下一环节处理人',
  assigneeIds: '会签人',
  opinion: '审核或签发意见',
  countersign: '会签',
  holdersFrom: '会签人来源',
  departments: '会签部门',
  comment: '意见',
  name: '名称',
  vid: '版本编号',
  from: '起始版本',
  to: '对比版本',
  view: '对比内容',
  state: '离线修改数据',
  draftName: '起草环节名称',
  checkpoints: '审核环节',
  before: '起始记录',
  // Review comments (批注)
  anchor: '批注位置',
  quote: '批注的原文',
  resolved: '解决状态',
  threadId: '批注编号',
  entryId: '批注条目编号',
  // 修订 (suggestions)
  ids: '修订编号',
  authorId: '修订人',
  all: '全部',
  // Audit log (its dates, `from` and `to`, name themselves: 开始日期 and 结束日期, in shared/audit.ts)
  user: '操作人',
  document: '文稿',
  limit: '每页条数',
  offset: '起始条数',
  // Ledger, outlets and targets
  documentId: '文稿',
  authors: '作者',
  outletIds: '报送单位',
  outlet: '报送单位',
  on: '报送日期',
  status: '状态',
  at: '日期',
  issue: '期号',
  page: '版面',
  url: '链接',
  summary: '说明',
  year: '年度',
  asOf: '统计截至日期',
  targetKeys: '目标',
  target: '目标',
  targets: '年度目标',
  key: '代号',
  rule: '规则',
  pieceKinds: '文稿类别',
  outletKinds: '单位类型',
  minLevel: '最低级别',
  levelFrom: '级别来源',
  event: '计数事件',
  unit: '计数单位',
  count: '数量',
  points: '积分标准',
  adopted: '采用',
  published: '刊发',
  instructed: '批示',
  missed: '约稿未报',
  central: '中央',
  provincial: '省级',
  city: '市级',
  district: '区级',
  // Proofreading
  entries: '条目',
  wrong: '不规范表述',
  right: '规范表述',
  severity: '严重程度',
  note: '备注',
  word: '词语',
  titles: '职务',
  rank: '排位',
  scope: '范围',
  start: '起始位置',
  end: '结束位置',
  fingerprint: '忽略记录编号',
  // Templates, office defaults, 约稿 and 一稿多用
  template: '模板',
  genre: '文种',
  missedLimit: '约稿未报清零次数',
  outletId: '约稿单位',
  topic: '约稿主题',
  requirements: '约稿要求',
  deadline: '截止日期',
  warnDays: '提前提醒天数',
  cancelled: '撤销',
  mine: '我的约稿',
};

/** What a path with no field names: the request body (or query) as a whole. */
export const WHOLE_REQUEST = '请求内容';

/**
 * The Chinese name of the field at `path`: `title` → 标题, `blocks.2.text` → 正文段落第 3 项的文字,
 * `outletIds.0` → 报送单位第 1 项, `properties.发文字号` → 属性“发文字号”. A key without a label is
 * named as it is (in quotes).
 */
export function fieldLabel(path: readonly PropertyKey[]): string {
  let label = '';
  let previousKey: string | null = null;
  for (const part of path) {
    if (typeof part === 'number') {
      label += `第 ${part + 1} 项`;
    } else {
      const key = String(part);
      const known = FIELD_LABELS[key];
      // A key under a record (properties) is the user's own name: quote it under the record's label.
      const named = known && previousKey !== 'properties' ? known : `“${key}”`;
      label += label === '' || previousKey === 'properties' ? named : `的${named}`;
      previousKey = key;
      continue;
    }
    previousKey = null;
  }
  return label || WHOLE_REQUEST;
}
