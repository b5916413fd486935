/**
 * The find bar's look: 查找 with the count, 上一个 / 下一个, and for those who may edit the 替换 row
 * (替换为, 替换, 全部替换). It holds no state of its own beyond IME composition; FindPlugin drives it.
 */
import { useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';

export interface FindBarProps {
  /** What the 查找 field shows (while a pinyin input method composes, more than is searched). */
  draft: string;
  replacement: string;
  /** 第 3 处，共 12 处, 无匹配, 已替换 12 处, or nothing before a query is typed. */
  count: string;
  countEmpty: boolean;
  hasMatches: boolean;
  canReplace: boolean;
  replacing: boolean;
  findRef: RefObject<HTMLInputElement | null>;
  replaceRef: RefObject<HTMLInputElement | null>;
  /** The field changed; `settled` is false while an input method is still composing. */
  onQuery(text: string, settled: boolean): void;
  onReplacement(text: string): void;
  onToggleReplace(): void;
  onNext(): void;
  onPrevious(): void;
  onReplace(): void;
  onReplaceAll(): void;
  onClose(): void;
  /** Keys the bar does not handle itself (undo and redo while a button has the focus). */
  onOtherKey(event: KeyboardEvent<HTMLDivElement>): void;
}

function IconButton({ label, onClick, disabled, children, expanded }: {
  label: string; onClick: () => void; disabled?: boolean; children: ReactNode; expanded?: boolean;
}) {
  return (
    <button type="button" className="tool tool-icon find-icon" title={label} aria-label={label}
      aria-expanded={expanded} disabled={disabled} onClick={onClick}>
      {children}
    </button>
  );
}

function Chevron({ direction }: { direction: 'up' | 'down' | 'right' }) {
  const d = { up: 'M4 10l4-4 4 4', down: 'M4 6l4 4 4-4', right: 'M6 4l4 4-4 4' }[direction];
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <path d={d} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function FindBar(props: FindBarProps) {
  const { draft, replacement, count, countEmpty, hasMatches, canReplace, replacing, findRef, replaceRef } = props;
  // While an input method composes (pinyin), the field holds letters that are not the query yet.
  const composing = useRef(false);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (composing.current || event.nativeEvent.isComposing) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      props.onClose();
    } else if (event.key === 'Enter' && event.target === findRef.current) {
      event.preventDefault();
      if (event.shiftKey) props.onPrevious(); else props.onNext();
    } else if (event.key === 'Enter' && event.target === replaceRef.current) {
      event.preventDefault();
      props.onReplace();
    } else {
      props.onOtherKey(event);
    }
  };
  const composition = {
    onCompositionStart: () => { composing.current = true; },
    onCompositionEnd: (event: { currentTarget: HTMLInputElement }) => {
      composing.current = false;
      if (event.currentTarget === findRef.current) props.onQuery(event.currentTarget.value, true);
    },
  };

  return (
    <div className="find-anchor">
      <div className="find-bar" role="search" aria-label={canReplace ? '查找和替换' : '查找'} onKeyDown={onKeyDown}>
        <div className="find-row">
          {canReplace && (
            <IconButton label={replacing ? '收起替换' : '显示替换'} expanded={replacing} onClick={props.onToggleReplace}>
              <span className={`find-toggle${replacing ? ' open' : ''}`}><Chevron direction="right" /></span>
            </IconButton>
          )}
          <label className="find-field">
            <input ref={findRef} type="text" aria-label="查找" placeholder="查找" value={draft} spellCheck={false}
              onChange={(event) => props.onQuery(event.target.value, !composing.current)}
              {...composition} />
            <span className={`find-count${countEmpty ? ' none' : ''}`} aria-live="polite">{count}</span>
          </label>
          <IconButton label="上一个" disabled={!hasMatches} onClick={props.onPrevious}><Chevron direction="up" /></IconButton>
          <IconButton label="下一个" disabled={!hasMatches} onClick={props.onNext}><Chevron direction="down" /></IconButton>
          <IconButton label="关闭" onClick={props.onClose}><span aria-hidden="true" className="find-close">×</span></IconButton>
        </div>
        {canReplace && replacing && (
          <div className="find-row find-replace-row">
            <label className="find-field">
              <input ref={replaceRef} type="text" aria-label="替换为" placeholder="替换为" value={replacement} spellCheck={false}
                onChange={(event) => props.onReplacement(event.target.value)} {...composition} />
            </label>
            {/* aria-disabled, not disabled: after 全部替换 the focus stays on the button, for Ctrl+Z. */}
            <button type="button" className="button small" aria-disabled={!hasMatches}
              onClick={() => { if (hasMatches) props.onReplace(); }}>替换</button>
            <button type="button" className="button small" aria-disabled={!hasMatches}
              onClick={() => { if (hasMatches) props.onReplaceAll(); }}>全部替换</button>
          </div>
        )}
      </div>
    </div>
  );
}
