/**
 * Push instead of polling (issue 13): an idle open document asks the server next to nothing, and a
 * transition reaches the other person's 待办 count and open editor at once, not at the next poll.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  createDocument, createUser, createWriter, loggedInPage, openDocument, startServer,
  type RunningServer, type TestUser,
} from './desk';

let server: RunningServer;
let writer: TestUser;
let reviewer: TestUser;

test.beforeAll(async () => {
  server = await startServer();
  writer = await createWriter(server, 'zhaoyun', '赵云');
  reviewer = await createUser(server, 'qianli', '钱立', ['reviewer']);
});

test.afterAll(async () => {
  await server?.dispose();
});

/** Counts the page's requests to the API from now on. */
function countApiRequests(page: Page): { count: () => number; urls: string[] } {
  const urls: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) urls.push(`${request.method()} ${url.pathname}`);
  });
  return { count: () => urls.length, urls };
}

function inboxLink(page: Page) {
  return page.getByRole('navigation').getByRole('link', { name: /待办/ });
}

/** Waits (up to 5 s) until the page's event stream answered, so the test measures push, not start-up. */
async function streamOpen(page: Page): Promise<void> {
  await page.waitForResponse((r) => new URL(r.url()).pathname === '/api/events', { timeout: 5_000 }).catch(() => undefined);
}

// The fallback polls (/workflow and /api/inbox, only while the event stream is down) run every
// 60 s (FALLBACK_POLL_MS): a window of 62 s holds at least one tick of each, so a poll left running
// is seen. Timers faked in the page (page.clock) would also fake the stream's silence watchdog and
// Hocuspocus' own timers, so the minute is real.
test('an idle open document makes at most one API request in 60 s, and no poll', async ({ browser }) => {
  test.setTimeout(120_000);
  const id = await createDocument(writer, '静置的文稿', ['第一段。']);
  const w = await loggedInPage(browser, server, writer);
  await openDocument(w.page, server, id);
  await w.page.waitForTimeout(2_000); // what the page loads on opening is not idling
  const requests = countApiRequests(w.page);
  await w.page.waitForTimeout(62_000);
  console.log(`API requests of an idle open document in 62 s: ${requests.count()} ${JSON.stringify(requests.urls)}`);
  // Polling asked /workflow every 10 s and /api/inbox every 20 s: 9 or 10 requests in a minute.
  expect(requests.urls.filter((url) => /\/workflow$|\/api\/inbox$/.test(url))).toEqual([]);
  expect(requests.count()).toBeLessThanOrEqual(1);
  await w.context.close();
});

test('a transition reaches the other person’s 待办 and open editor within 2 s', async ({ browser }) => {
  test.setTimeout(90_000);
  const id = await createDocument(writer, '推送测试稿', ['今年以来，我区扎实推进各项工作。']);
  const r = await loggedInPage(browser, server, reviewer);
  const w = await loggedInPage(browser, server, writer);
  const wStream = streamOpen(w.page);
  await openDocument(w.page, server, id);
  await expect(w.page.getByTestId('workflow-state')).toHaveText('起草');
  await Promise.all([streamOpen(r.page), wStream]);
  await expect(inboxLink(r.page)).not.toContainText('1');

  // 赵云 submits to 钱立: 钱立's 待办 count and 赵云's open editor follow at once.
  let started = Date.now();
  await writer.api.ok('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: reviewer.id });
  await expect(inboxLink(r.page)).toContainText('1', { timeout: 2_000 });
  await expect(w.page.getByTestId('workflow-state')).toHaveText('审核中', { timeout: 2_000 });
  console.log(`submit → reviewer's 待办 and writer's editor: ${Date.now() - started} ms`);

  // 钱立 returns it: 赵云's editor shows 已退回 and his 待办 holds it; 钱立's count goes back.
  started = Date.now();
  await reviewer.api.ok('POST', `/api/documents/${id}/transitions`, { action: 'return', comment: '请补充数据。' });
  await expect(w.page.getByTestId('workflow-state')).toHaveText('已退回', { timeout: 2_000 });
  await expect(inboxLink(w.page)).toContainText('1', { timeout: 2_000 });
  await expect(inboxLink(r.page)).not.toContainText('1', { timeout: 2_000 });
  console.log(`return → writer's editor and 待办: ${Date.now() - started} ms`);
  await r.context.close();
  await w.context.close();
});

test('the tabs of one browser share one event stream, and the next tab takes it over', async ({ browser }) => {
  test.setTimeout(90_000);
  const r = await loggedInPage(browser, server, reviewer);
  // The first tab holds the stream's lock before the second opens (whenever its request went out).
  await expect.poll(() => r.page.evaluate(async () => (await navigator.locks.query()).held?.map((lock) => lock.name) ?? []))
    .toContain(`wengao:events:${reviewer.id}`);
  await streamOpen(r.page);
  const second = await r.context.newPage();
  const streamsOpened: string[] = [];
  second.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/events') streamsOpened.push(request.url());
  });
  await second.goto(`${server.url}/#/inbox`);
  await expect(second.getByRole('heading', { name: '待办', exact: true })).toBeVisible();
  await second.waitForTimeout(1_000);
  expect(streamsOpened).toHaveLength(0); // the second tab hears through the first

  const first = await createDocument(writer, '共享推送一', ['第一段。']);
  await writer.api.ok('POST', `/api/documents/${first}/transitions`, { action: 'submit', assigneeId: reviewer.id });
  await expect(inboxLink(r.page)).toContainText('1', { timeout: 2_000 });
  await expect(inboxLink(second)).toContainText('1', { timeout: 2_000 });

  // The tab holding the stream closes: the other opens one and still hears at once.
  await r.page.close();
  await expect.poll(() => streamsOpened.length, { timeout: 5_000 }).toBe(1);
  const next = await createDocument(writer, '共享推送二', ['第一段。']);
  await writer.api.ok('POST', `/api/documents/${next}/transitions`, { action: 'submit', assigneeId: reviewer.id });
  await expect(inboxLink(second)).toContainText('2', { timeout: 2_000 });
  expect(streamsOpened).toHaveLength(1);
  await r.context.close();
});

test('after the server restarts, the stream comes back by itself and pushes again', async ({ browser }) => {
  test.setTimeout(120_000);
  const r = await loggedInPage(browser, server, reviewer);
  await streamOpen(r.page);
  // What the server counts now, and the page showing it: reading the link before the page has
  // loaded its 待办 would take an empty count for 0.
  const waiting = async (): Promise<number> => {
    const inbox = await reviewer.api.ok<Record<'toReview' | 'toSign' | 'returned', unknown[]>>('GET', '/api/inbox');
    return inbox.toReview.length + inbox.toSign.length + inbox.returned.length;
  };
  const before = await waiting();
  if (before > 0) await expect(inboxLink(r.page)).toContainText(String(before));
  const reopened = r.page.waitForResponse((response) => new URL(response.url()).pathname === '/api/events' && response.status() === 200, { timeout: 60_000 });
  await server.restart();
  await reopened;

  const id = await createDocument(writer, '重启之后', ['第一段。']);
  await writer.api.ok('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: reviewer.id });
  expect(await waiting()).toBe(before + 1);
  await expect(inboxLink(r.page)).toContainText(String(before + 1), { timeout: 2_000 });
  await r.context.close();
});
