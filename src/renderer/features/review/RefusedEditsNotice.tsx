/** Tells the writer their offline edits could not be applied, and where they were kept. */
import { routeHref } from '../../app/router';
import type { RefusedEdits } from './useRefusedEdits';

export function RefusedEditsNotice({ refused }: { refused: RefusedEdits }) {
  if (refused.error) return <p className="refused-notice error" role="alert">{refused.error}</p>;
  if (!refused.rescued && !refused.resetting) return null;
  return (
    <div className="refused-notice" role="alert">
      <strong>你离线时的修改未能写入此稿</strong>
      ：此稿已进入审核，正文已锁定。
      {refused.rescued
        ? <>你的修改已另存为新草稿 <a href={routeHref({ page: 'editor', documentId: refused.rescued.id })}>《{refused.rescued.title}》</a>，此处显示服务器上的正文。</>
        : '正在另存为新草稿…'}
    </div>
  );
}
