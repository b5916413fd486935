/** 审校词表 (administrators): the four lists the proofreader checks against, one tab each. */
import { useState } from 'react';
import type { ProofingListName, ProofingLists } from '../../../shared/proofing';
import { proofingApi } from '../../api/proofing';
import { LoadState } from '../../ui/LoadState';
import { useLoad } from '../../ui/useLoad';
import { LeadersEditor, PhrasingEditor, SensitiveEditor, TyposEditor } from './ProofingListEditors';
import './proofingLists.css';

const TABS: ReadonlyArray<{ name: ProofingListName; label: string; intro: string }> = [
  { name: 'phrasing', label: '规范表述', intro: '文中出现左栏的不规范表述时提示改为右栏的规范表述；级别决定它列在错误、警告还是提示下。' },
  { name: 'typos', label: '错别字', intro: '补充内置错别字词库：文中出现错误写法时提示改为正确写法（默认为错误级别）。正确写法留空表示该词是正确的（如地名、本单位用语），其附近不再提示错别字。' },
  { name: 'sensitive', label: '敏感词', intro: '每行一个词。文中出现时列为警告，提醒撰稿人核实用法。' },
  { name: 'leaders', label: '领导名单', intro: '姓名与职务不符、或并列时未按排位先后，都会提示。排位数字越小越靠前。' },
];

export function ProofingListsPage() {
  const loaded = useLoad(() => proofingApi.lists(), []);
  const [tab, setTab] = useState<ProofingListName>('phrasing');
  const [dirty, setDirty] = useState<Record<ProofingListName, boolean>>({ phrasing: false, typos: false, sensitive: false, leaders: false });

  const saved = <N extends ProofingListName>(name: N) => (entries: ProofingLists[N]): void =>
    loaded.update((l) => l && { ...l, [name]: entries });
  const markDirty = (name: ProofingListName) => (value: boolean): void => setDirty((d) => (d[name] === value ? d : { ...d, [name]: value }));

  return (
    <main className="page">
      <div className="page-header"><h1>审校词表</h1></div>
      <p className="lists-intro">撰稿时的审校依据这四份词表（另有内置的错别字词库）。敏感词、领导名单等可从本单位的 .xlsx 或 .csv 表格导入。保存后，提交审核和签发前的审校立即使用新词表；已打开的文稿重新打开后生效。</p>
      <LoadState loaded={loaded}>{(lists) => (
        <div className="lists-card">
          <div className="lists-tabs" role="tablist" aria-label="审校词表">
            {TABS.map(({ name, label }) => (
              <button key={name} type="button" role="tab" id={`lists-tab-${name}`} aria-controls={`lists-panel-${name}`}
                aria-selected={tab === name} tabIndex={tab === name ? 0 : -1} className="lists-tab" onClick={() => setTab(name)}
                onKeyDown={(e) => {
                  if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
                  const at = TABS.findIndex((t) => t.name === name) + (e.key === 'ArrowRight' ? 1 : -1);
                  const next = TABS[(at + TABS.length) % TABS.length].name;
                  setTab(next);
                  document.getElementById(`lists-tab-${next}`)?.focus();
                }}>
                {label}
                <span className="lists-tab-count">{lists[name].length}</span>
                {dirty[name] && <span className="lists-tab-dirty" title="有未保存的修改" aria-label="有未保存的修改" />}
              </button>
            ))}
          </div>
          {TABS.map(({ name, intro }) => (
            <section key={name} role="tabpanel" id={`lists-panel-${name}`} aria-labelledby={`lists-tab-${name}`}
              hidden={tab !== name} className="lists-panel">
              <p className="lists-panel-intro">{intro}</p>
              {name === 'phrasing' && <PhrasingEditor initial={lists.phrasing} onDirty={markDirty('phrasing')}
                onSaved={saved('phrasing')} />}
              {name === 'typos' && <TyposEditor initial={lists.typos} onDirty={markDirty('typos')}
                onSaved={saved('typos')} />}
              {name === 'sensitive' && <SensitiveEditor initial={lists.sensitive} onDirty={markDirty('sensitive')}
                onSaved={saved('sensitive')} />}
              {name === 'leaders' && <LeadersEditor initial={lists.leaders} onDirty={markDirty('leaders')}
                onSaved={saved('leaders')} />}
            </section>
          ))}
        </div>
      )}</LoadState>
    </main>
  );
}
