/**
 * 使用说明 (`#/help`; the desktop's 帮助 › 使用说明): what each role does day to day in 文稿台, one
 * short screen per role, in the words the screens use. Opens on the reader's own role; readable
 * before logging in too.
 */
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Role } from '../../../core/domain/roles';
import './help.css';

type Guide = 'writer' | 'reviewer' | 'clerk' | 'admin';

const GUIDE_NAMES: Record<Guide, string> = {
  writer: '撰稿人',
  reviewer: '审核人、签发人',
  clerk: '统计员',
  admin: '管理员',
};

const GUIDES: Guide[] = ['writer', 'reviewer', 'clerk', 'admin'];

/** The guide a user with these roles most likely wants first. */
export function firstGuide(roles: readonly Role[]): Guide {
  if (roles.includes('writer')) return 'writer';
  if (roles.includes('reviewer') || roles.includes('signer')) return 'reviewer';
  if (roles.includes('clerk')) return 'clerk';
  if (roles.includes('admin')) return 'admin';
  return 'writer';
}

/** A name on the screen (a button, a page, a state), set apart so the reader can find it. */
function Ui({ children }: { children: ReactNode }) {
  return <span className="help-ui">{children}</span>;
}

function WriterGuide() {
  return (
    <>
      <p className="help-lead">起草稿件，请同事一起修改，送审，按意见改好，直到定稿。</p>
      <ol className="help-steps">
        <li><b>写稿</b>：在 <Ui>文稿</Ui> 页点 <Ui>新建文稿</Ui>，选好类型（综合文稿、调研报告、政务信息、媒体稿件、公文）和 <Ui>文种</Ui>（通知、请示、经验类……），正文按文种的结构生成，把【】中的提示换成正文；刊名、发文机关标志等单位信息已自动填入 <Ui>文稿属性</Ui>。已有的 Word 文件用 <Ui>导入 Word</Ui>。</li>
        <li><b>约稿</b>：<Ui>待办</Ui> 和 <Ui>约稿</Ui> 页列出约你写的稿件和截止日期，临近截止和逾期时顶栏会提示；点 <Ui>写稿</Ui> 直接开始，或在稿件的 <Ui>来源与派生</Ui> 中 <Ui>标记为答复</Ui>。逾期未报的，系统自动在台账记一次约稿未报。</li>
        <li><b>一稿多用</b>：在稿件的 <Ui>来源与派生</Ui> 中选类型后点 <Ui>派生</Ui>，例如从调研报告派生政务信息，新稿件与原稿互相关联。</li>
        <li><b>层级</b>：用工具栏把段落设为 一级标题“一、”、二级标题“（一）”、三级标题“1.”、四级标题“（1）”或 正文。</li>
        <li><b>一起写</b>：在 <Ui>协作者</Ui> 中添加同事，大家可以同时修改。断网时照常输入，状态栏显示 <Ui>离线</Ui>，联网后自动同步。</li>
        <li><b>送审前</b>：看一看 <Ui>审校</Ui> 找出的错误和警告；公文在 <Ui>文稿属性</Ui> 中填写发文字号、主送机关等；需要留底时点 <Ui>保存版本</Ui>。</li>
        <li><b>送审</b>：点 <Ui>提交审核</Ui>，选择审核人。稿件变为 <Ui>审核中</Ui>，正文暂不能修改。</li>
        <li><b>被退回</b>：<Ui>待办</Ui> 的 <Ui>退回给我</Ui> 中会出现这篇稿件，打开后顶部写明谁退回、为什么。按意见和 <Ui>批注</Ui> 修改，然后再次 <Ui>提交审核</Ui>。</li>
        <li><b>撤回和催办</b>：送审后、审核人还没办理时，可以点 <Ui>撤回</Ui> 收回修改。稿件在审核人手中超过规定时间（默认 24 小时）未办理，可以点 <Ui>催办</Ui> 提醒他。</li>
        <li><b>定稿后</b>：<Ui>导出 Word</Ui> 得到按规范排好版的文件，可先 <Ui>预览</Ui>。</li>
        <li><b>找旧稿</b>：在 <Ui>文稿</Ui> 页的搜索框输入词语（两个字以上），标题和正文都会搜到，正文中含这个词的句子显示在标题下方；多个词用空格分开。</li>
      </ol>
    </>
  );
}

function ReviewerGuide() {
  return (
    <>
      <p className="help-lead">在待办中接稿，提出意见，通过、退回或签发。</p>
      <ol className="help-steps">
        <li><b>接稿</b>：<Ui>待办</Ui> 中的 <Ui>待我审核</Ui>、<Ui>待我签发</Ui> 是等你办理的稿件。有新稿送到时，页面会提示，顶栏的数字随即更新。</li>
        <li><b>看稿</b>：打开稿件，正文只读。选中文字后 <Ui>添加批注</Ui> 写下意见；在 <Ui>版本记录</Ui> 中用 <Ui>对比</Ui> 查看改了哪些地方。</li>
        <li><b>通过</b>：点 <Ui>通过</Ui>，可选一句常用意见（如“同意”），选择下一环节的办理人，稿件随即转到他的待办中。</li>
        <li><b>会签</b>：下一环节是会签时，勾选几位会签人，稿件同时送到每人的待办。全部会签人同意后才进入下一环节，任何一人退回即退回撰稿人。会签人可以添加批注，但不能修订正文。审核流程规定按部门会签时，候选人按部门列出，每个会签部门至少勾选一位。</li>
        <li><b>退回</b>：点 <Ui>退回</Ui> 并写明意见，稿件回到撰稿人手中。</li>
        <li><b>签发</b>：签发人在最后一环点 <Ui>签发</Ui>，写下签发意见（如“同意印发”），稿件成为 <Ui>定稿</Ui>；签发意见和日期记入签发记录。定稿需要再改时，签发人可以 <Ui>重新打开</Ui>。</li>
        <li><b>内容核对</b>：通过和签发时，系统记下当时的内容；此后内容若有改动，审核状态中会显示“内容已在审核后改动”。</li>
      </ol>
      <p className="help-note">自己写过或改过的稿件，不能由自己审核或签发。</p>
    </>
  );
}

function ClerkGuide() {
  return (
    <>
      <p className="help-lead">登记报送和采用情况，掌握年度目标的进度。</p>
      <ol className="help-steps">
        <li><b>报送</b>：在 <Ui>报送台账</Ui> 登记每篇稿件报送到哪个刊物或媒体。文稿台里的稿件须是 <Ui>定稿</Ui>；别处写的稿件可以手工录入。</li>
        <li><b>跟进</b>：之后逐条记下 <Ui>采用</Ui>、<Ui>未采用</Ui>、<Ui>刊发</Ui>、<Ui>批示</Ui>、<Ui>获评优秀</Ui> 及日期，并 <Ui>上传证明材料</Ui>（刊发页、批示件的扫描件）。</li>
        <li><b>统计</b>：<Ui>统计</Ui> 页对照 <Ui>年度目标</Ui> 显示每项完成多少、应完成多少，可按月、按作者、按级别查看。</li>
        <li><b>导入导出</b>：以往的记录用 <Ui>导入台账</Ui> 从 Excel 或 CSV 导入；<Ui>导出 Excel</Ui> 得到全年台账和统计。</li>
        <li><b>名单</b>：在 <Ui>刊物与媒体</Ui> 中维护报送单位及其级别。</li>
        <li><b>约稿</b>：在 <Ui>约稿</Ui> 页点 <Ui>登记约稿</Ui>，填写约稿单位、主题、要求、截止日期、被约稿人和提前提醒天数；截止后仍未报送的，系统自动记为约稿未报。</li>
      </ol>
    </>
  );
}

function AdminGuide() {
  return (
    <>
      <p className="help-lead">管理账号和审核流程，查看审计日志，处理特殊情况。</p>
      <ol className="help-steps">
        <li><b>账号</b>：在 <Ui>用户管理</Ui> 中新建账号，勾选角色（撰稿人、审核人、签发人、统计员、管理员），为忘记密码的人 <Ui>重置密码</Ui>，为离开的人 <Ui>停用</Ui> 账号。</li>
        <li><b>审核流程</b>：在 <Ui>审核流程</Ui> 中为每类文稿设定审核环节，以及每一环由审核人还是签发人办理。已在审核中的稿件按原流程走完。</li>
        <li><b>审校词表</b>：在 <Ui>审校词表</Ui> 中维护审校所用的词语。</li>
        <li><b>模板</b>：在 <Ui>模板</Ui> 中点 <Ui>编辑正文</Ui> 修改各文种的模板，或 <Ui>新建模板</Ui>；在 <Ui>单位默认信息</Ui> 中设置刊名、编发单位、发文机关标志、署名等，新稿件自动填入。</li>
        <li><b>审计日志</b>：<Ui>审计日志</Ui> 记录谁在何时做了什么；点 <Ui>校验</Ui> 确认记录没有被改动。</li>
        <li><b>特殊情况</b>：定稿需要再改时，由签发人或管理员 <Ui>重新打开</Ui> 并写明原因；已定稿、审核中或已报送的稿件，只有管理员能删除，并须填写原因；删除的稿件可从 <Ui>回收站</Ui> 恢复。</li>
      </ol>
    </>
  );
}

const GUIDE_BODIES: Record<Guide, () => ReactNode> = {
  writer: WriterGuide, reviewer: ReviewerGuide, clerk: ClerkGuide, admin: AdminGuide,
};

export function HelpPage({ roles = [], backHref }: { roles?: readonly Role[]; backHref?: string }) {
  const [guide, setGuide] = useState<Guide>(() => firstGuide(roles));
  const Body = GUIDE_BODIES[guide];
  // Arrow keys move between the roles, as in any tab list.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    const next = GUIDES[(GUIDES.indexOf(guide) + step + GUIDES.length) % GUIDES.length];
    setGuide(next);
    window.document.getElementById(`help-tab-${next}`)?.focus();
  };
  return (
    <main className="page help-page">
      <div className="page-header">
        <h1>使用说明</h1>
        {backHref && <a className="button" href={backHref}>返回登录</a>}
      </div>
      <p className="help-intro">文稿台是办公室起草、审核和报送文稿的工作台。请选择你的角色：</p>
      <div className="help-tabs" role="tablist" aria-label="角色" onKeyDown={onKeyDown}>
        {GUIDES.map((g) => (
          <button key={g} type="button" role="tab" id={`help-tab-${g}`} aria-controls="help-panel"
            aria-selected={g === guide} tabIndex={g === guide ? 0 : -1} onClick={() => setGuide(g)}>
            {GUIDE_NAMES[g]}
          </button>
        ))}
      </div>
      <section className="help-panel" id="help-panel" role="tabpanel" aria-labelledby={`help-tab-${guide}`}>
        <Body />
      </section>
    </main>
  );
}
