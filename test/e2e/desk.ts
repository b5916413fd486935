/**
 * Shared steps of the browser tests: a real desk server serving the built renderer (run
 * `npx electron-vite build` first), users made through the API, and logging in through the UI.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { ADMIN_PASSWORD, ApiClient, startDeskServer, type RunningServer } from '../support/server';
import { seededRandom } from '../support/random';

export { ADMIN_PASSWORD, ApiClient, type RunningServer };

const RENDERER = resolve(import.meta.dirname, '../../out/renderer/index.html');

/** Starts a desk server; the web app it serves is the renderer last built into out/renderer. */
export async function startServer(options?: Parameters<typeof startDeskServer>[0]): Promise<RunningServer> {
  if (!existsSync(RENDERER)) throw new Error('out/renderer is missing: run `npx electron-vite build` before the e2e tests');
  return startDeskServer(options);
}

export interface TestUser { id: string; username: string; password: string; displayName: string; api: ApiClient }

/** Creates a user with `roles` through the admin API and returns it logged in to the API. */
export async function createUser(server: RunningServer, username: string, displayName: string, roles: string[]): Promise<TestUser> {
  const admin = await new ApiClient(server.url).login('admin', ADMIN_PASSWORD);
  const password = `${username}-pass-2023`;
  const { user } = await admin.ok<{ user: { id: string } }>('POST', '/api/users', { username, password, displayName, roles });
  const api = await new ApiClient(server.url).login(username, password);
  return { id: user.id, username, password, displayName, api };
}

/** Creates a writer through the admin API and returns it logged in to the API. */
export function createWriter(server: RunningServer, username: string, displayName: string): Promise<TestUser> {
  return createUser(server, username, displayName, ['writer']);
}

/** Lets the browser's selectionchange reach Lexical before the next key. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
}

/** Saves a screenshot of the page as test-results/<name>.png, to be looked at. */
export async function shot(page: Page, name: string): Promise<void> {
  const path = resolve(`test-results/${name}.png`);
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path });
}

/** Creates a document owned by `owner`, seeded with paragraphs, shared with the collaborators. */
export async function createDocument(owner: TestUser, title: string, paragraphs: string[] = [],
  collaborators: TestUser[] = []): Promise<string> {
  const { id } = await owner.api.ok<{ id: string }>('POST', '/api/documents', {
    title, kind: 'comprehensive', blocks: paragraphs.map((text) => ({ type: 'paragraph', text })),
  });
  for (const c of collaborators) await owner.api.ok('POST', `/api/documents/${id}/collaborators`, { userId: c.id });
  return id;
}

/** The server's reading of a document body, one line per paragraph. */
export async function serverText(user: TestUser, documentId: string): Promise<string> {
  const { text } = await user.api.ok<{ text: string }>('GET', `/api/documents/${documentId}/content`);
  return text;
}

/** Logs in through the login page and waits for the document list. */
export async function login(page: Page, server: RunningServer, user: Pick<TestUser, 'username' | 'password'>): Promise<void> {
  await page.goto(server.url);
  await page.getByLabel('用户名').fill(user.username);
  await page.getByLabel('密码').fill(user.password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('heading', { name: '文稿', exact: true })).toBeVisible();
}

/** A fresh browser context (its own storage, like another PC) logged in as `user`. */
export async function loggedInPage(browser: Browser, server: RunningServer, user: TestUser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, server, user);
  return { context, page };
}

/** Opens a document in the editor and waits until it is connected and synced (在线). */
export async function openDocument(page: Page, server: RunningServer, documentId: string): Promise<Locator> {
  await page.goto(`${server.url}/#/documents/${documentId}`);
  await expect(connection(page)).toHaveText('在线', { timeout: 15_000 });
  return body(page);
}

/** Each of `users` in a browser context of their own, with the document open and 在线. */
export async function openedBy(browser: Browser, server: RunningServer, documentId: string, users: TestUser[]): Promise<Array<{ context: BrowserContext; page: Page }>> {
  const opened: Array<{ context: BrowserContext; page: Page }> = [];
  for (const user of users) {
    const entry = await loggedInPage(browser, server, user);
    await openDocument(entry.page, server, documentId);
    opened.push(entry);
  }
  return opened;
}

/** Stops the server and waits until every page says 离线. */
export async function serverDown(server: RunningServer, pages: Page[]): Promise<void> {
  await server.stop();
  for (const page of pages) await expect(connection(page)).toHaveText('离线', { timeout: 15_000 });
}

export function body(page: Page): Locator {
  return page.getByRole('textbox', { name: '正文' });
}

export function connection(page: Page): Locator {
  return page.getByRole('status');
}

/** Puts the caret at the end of the body's last block. */
export async function caretToEnd(page: Page): Promise<void> {
  await body(page).locator(':scope > *').last().click();
  await page.keyboard.press('Control+End');
  // Let the browser's selectionchange reach Lexical before the next key.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

/** Selects characters [from, to) of the body's first paragraph (DOM selection, as a mouse does). */
export async function selectChars(page: Page, from: number, to: number): Promise<void> {
  await page.evaluate(([start, end]) => {
    const paragraph = document.querySelector('[aria-label="正文"] > *');
    if (!paragraph) throw new Error('no paragraph');
    const texts: Text[] = [];
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node instanceof Text) texts.push(node);
    const locate = (target: number): [Node, number] => {
      let seen = 0;
      for (const node of texts) {
        if (target <= seen + node.length) return [node, target - seen];
        seen += node.length;
      }
      throw new Error(`no character ${target} in ${seen}`);
    };
    const range = document.createRange();
    range.setStart(...locate(start));
    range.setEnd(...locate(end));
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }, [from, to] as const);
  await settle(page);
}

/** The text of the body's first paragraph as the page shows it (without Lexical's zero-width placeholders). */
export async function paragraphText(page: Page): Promise<string> {
  return (await body(page).locator(':scope > *').first().textContent() ?? '').replace(/\u200b/g, '');
}

/**
 * One offline round of a randomized editing test: the server goes down, `work` edits in the pages,
 * the server comes back, and the round ends once every page is online and shows the same first
 * paragraph.
 */
export async function offlineRound(server: RunningServer, pages: Page[], work: () => Promise<void>): Promise<void> {
  await serverDown(server, pages);
  await work();
  await server.restart();
  for (const page of pages) await expect(connection(page)).toHaveText('在线', { timeout: 20_000 });
  await expect.poll(async () => new Set(await Promise.all(pages.map(paragraphText))).size, { timeout: 10_000 }).toBe(1);
}

/**
 * The draw of a randomized browser test: `fallback` by default, so a red run is the code's and not
 * the draw's; `<envName>=random` explores, `<envName>=N` replays. Prints the seed it uses.
 */
export function seededPick(envName: string, fallback: number): (n: number) => number {
  const asked = process.env[envName];
  const seed = asked === 'random' ? Date.now() % 100_000 : Number(asked ?? fallback);
  console.log(`seed ${seed} (${envName}=${seed} to replay)`);
  const next = seededRandom(seed);
  return (n) => Math.floor(next() * n);
}
