/** Notices in the page when there is no desktop notification (the browser): bottom right, a few seconds each. */
import { useEffect, useState } from 'react';
import { onInPageNotice } from '../../platform/desk';
import './inbox.css';

interface Notice { id: number; title: string; body: string }
const SHOW_MS = 8000;

export function InPageNotices() {
  const [notices, setNotices] = useState<Notice[]>([]);
  useEffect(() => {
    let next = 0;
    return onInPageNotice((title, body) => {
      const id = ++next;
      setNotices((list) => [...list.slice(-2), { id, title, body }]);
      setTimeout(() => setNotices((list) => list.filter((n) => n.id !== id)), SHOW_MS);
    });
  }, []);
  return (
    <section className="in-page-notices" aria-live="polite" aria-label="通知">
      {notices.map((n) => (
        <div key={n.id} className="in-page-notice">
          <strong>{n.title}</strong>
          <p>{n.body}</p>
          <button type="button" className="button small ghost" aria-label="关闭通知"
            onClick={() => setNotices((list) => list.filter((x) => x.id !== n.id))}>×</button>
        </div>
      ))}
    </section>
  );
}
