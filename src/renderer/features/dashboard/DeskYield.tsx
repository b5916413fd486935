/**
 * Two lines of the dashboard from the writer's desk: 约稿 answered / missed this year (and the
 * scheme's two-miss rule when set), and 一稿多用, what was counted of the pieces made from each 调研报告.
 */
import { KIND_LABELS } from '../../../core/domain/kinds';
import { templatesApi } from '../../api/templates';
import { routeHref } from '../../app/router';
import { ErrorText } from '../../ui/Notice';
import { useLoad } from '../../ui/useLoad';

export function DeskYield({ year }: { year: number }) {
  const commissions = useLoad((signal) => templatesApi.commissionYear(year, signal), [year]);
  const research = useLoad((signal) => templatesApi.researchYield(year, signal).then((r) => r.research), [year]);
  const c = commissions.data;
  return (
    <>
      <section className="target-detail" aria-label="约稿">
        <div className="detail-head">
          <h2>约稿</h2>
          <span className="muted">截止日期在 {year} 年的约稿{c?.missedLimit ? `；按考核办法，全年约稿未报达 ${c.missedLimit} 次，政务信息得分清零` : ''}</span>
        </div>
        {c && (
          <dl className="facts desk-yield-facts">
            <dt>约稿</dt><dd>{c.total} 件</dd>
            <dt>按时报送</dt><dd>{c.answered} 件</dd>
            <dt>逾期未报</dt><dd className={c.missed > 0 ? 'yield-missed' : undefined}>{c.missed} 件{c.missedLimit && c.missed >= c.missedLimit ? '（已达清零次数）' : ''}</dd>
            <dt>待报</dt><dd>{c.open} 件</dd>
          </dl>
        )}
        <ErrorText message={commissions.error} />
      </section>
      <section className="target-detail" aria-label="一稿多用">
        <div className="detail-head"><h2>一稿多用</h2><span className="muted">从调研报告派生的稿件在 {year} 年被采用、刊发的情况</span></div>
        {research.data && research.data.length === 0 && <p className="muted">暂无从调研报告派生的稿件</p>}
        {research.data && research.data.length > 0 && (
          <table className="doc-table compact">
            <thead><tr><th scope="col">调研报告</th><th scope="col" className="num">派生稿件</th><th scope="col">计入的成果</th></tr></thead>
            <tbody>
              {research.data.map((r) => (
                <tr key={r.id}>
                  <td><a href={routeHref({ page: 'editor', documentId: r.id })}>{r.title}</a><span className="muted"> · {KIND_LABELS.research}</span></td>
                  <td className="num">{r.derived}</td>
                  <td>{r.results.length === 0 ? <span className="muted">暂无</span>
                    : r.results.map((x) => `《${x.title}》${x.outlet}${x.status === 'published' ? '刊发' : '采用'}`).join('；')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <ErrorText message={research.error} />
      </section>
    </>
  );
}
