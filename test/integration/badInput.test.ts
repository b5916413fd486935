/**
 * The bad-input catalog: requests no honest client sends — wrong types, missing fields, huge strings,
 * wrong ids, malformed or expired tokens, wrong content types, malformed JSON, files that are not what
 * they claim, garbage on the collaboration socket, unicode edge cases. Each case is refused with its
 * status and a Chinese message that names what is wrong (no English beyond field names and codes),
 * and leaves the desk exactly as it was: documents, bodies, users, ledger, lists and the audit log.
 */
import { sha256Hex } from '../../src/server/digest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import SQLite from 'better-sqlite3';
import JSZip from 'jszip';
import WebSocket from 'ws';
import { ApiClient, createWriters, startDeskServer, type RunningServer } from '../support/server';
import { multipartBody, rawExchange, rawRequest, type RawOutcome } from '../support/rawHttp';
import { expectChineseError } from '../support/chinese';
import { waitFor } from '../support/collabClient';
import { authMessage, deniedReasons, rawSocket, syncStep1, updateMessage } from '../support/hocuspocusWire';

let server: RunningServer;
let admin: ApiClient;
let alice: ApiClient;
let bob: ApiClient;
let clerk: ApiClient;
let aliceId: string;
/** alice's document (bob has no access), with a body and a saved version. */
let docId: string;
let submissionId: string;
const stale: Record<'expired' | 'loggedOut' | 'disabled', string> = { expired: '', loggedOut: '', disabled: '' };

beforeAll(async () => {
  server = await startDeskServer();
  ({ admin, writers: [alice, bob], ids: [aliceId] } = await createWriters(server, 'alice', 'bob'));
  await admin.ok('POST', '/api/users', { username: 'clerk', password: 'clerk-pass', displayName: '王统计', roles: ['clerk'] });
  clerk = await new ApiClient(server.url).login('clerk', 'clerk-pass');
  ({ id: docId } = await alice.ok<{ id: string }>('POST', '/api/documents', {
    title: '关于开展安全检查的通知', kind: 'official', blocks: [{ type: 'paragraph', text: '各单位：现将有关事项通知如下。' }],
  }));
  await alice.ok('POST', `/api/documents/${docId}/versions`, { name: '初稿' });
  const { outlets } = await clerk.ok<{ outlets: Array<{ id: string }> }>('GET', '/api/outlets');
  ({ submissions: [{ id: submissionId }] } = await clerk.ok<{ submissions: Array<{ id: string }> }>('POST', '/api/submissions', {
    title: '外来稿件', kind: 'info', authors: ['李四'], outletIds: [outlets[0].id], on: '2024-03-01',
  }));

  // Tokens that no longer open anything: expired, logged out, of a disabled account.
  stale.expired = (await new ApiClient(server.url).login('alice', 'alice-pass')).token;
  const db = new SQLite(`${server.dataDir}/wengao.db`);
  db.pragma('busy_timeout = 5000');
  db.prepare('update sessions set expires_at = ? where token_hash = ?')
    .run('2000-01-01T00:00:00.000Z', sha256Hex(stale.expired));
  db.close();
  const leaving = await new ApiClient(server.url).login('alice', 'alice-pass');
  await leaving.ok('POST', '/api/auth/logout');
  stale.loggedOut = leaving.token;
  const { user: mallory } = await admin.ok<{ user: { id: string } }>('POST', '/api/users', { username: 'mallory', password: 'mallory-pass', displayName: '停用', roles: ['writer'] });
  stale.disabled = (await new ApiClient(server.url).login('mallory', 'mallory-pass')).token;
  await admin.ok('PATCH', `/api/users/${mallory.id}`, { disabled: true });
});
afterAll(() => server.dispose());

/** Everything a bad request could have changed, as the API shows it. */
async function desk(): Promise<string> {
  const reads: Array<[ApiClient, string]> = [
    [admin, '/api/documents'], [admin, '/api/documents?deleted=true'], [alice, '/api/documents'], [bob, '/api/documents'],
    [admin, '/api/users'], [alice, `/api/documents/${docId}`], [alice, `/api/documents/${docId}/content`],
    [alice, `/api/documents/${docId}/versions`], [alice, `/api/documents/${docId}/history`],
    [clerk, '/api/outlets'], [clerk, '/api/submissions'], [clerk, '/api/targets/2024'], [admin, '/api/proofing/lists'],
    [admin, '/api/audit'],
  ];
  const seen = await Promise.all(reads.map(async ([client, path]) => [path, await client.ok('GET', path)]));
  // A refused login is recorded (登录失败): that is the audit doing its job, not a change to the desk.
  return JSON.stringify(seen, (key, value: unknown) => {
    if (key === 'total') return undefined;
    if (key === 'entries' && Array.isArray(value)) return value.filter((entry: unknown) => Reflect.get(Object(entry), 'action') !== 'auth.failed');
    return value;
  });
}

interface Answer { status: number; body: unknown }

async function call(client: ApiClient | null, method: string, path: string, body?: unknown, contentType = 'application/json', headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(server.url + path, {
    method,
    headers: {
      ...(client?.token && { authorization: `Bearer ${client.token}` }),
      ...(body !== undefined && { 'content-type': contentType }),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

const withToken = (token: string, path: string): Promise<Answer> => call(new ApiClient(server.url, token), 'GET', path);

async function upload(client: ApiClient, path: string, fileName: string, bytes: Uint8Array): Promise<Answer> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
  const response = await fetch(server.url + path, { method: 'POST', headers: { authorization: `Bearer ${client.token}` }, body: form });
  return { status: response.status, body: await response.json() };
}

const answerOf = (outcome: RawOutcome): Answer => ({ status: outcome.status ?? 0, body: outcome.body ? JSON.parse(outcome.body) : null });

async function raw(client: ApiClient, path: string, contentType: string | null, body: Uint8Array, headers: Record<string, string> = {}): Promise<Answer> {
  return answerOf(await rawRequest(server.port, 'POST', path, { authorization: `Bearer ${client.token}`, ...(contentType && { 'content-type': contentType }), ...headers }, body));
}

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const doc = (overrides: Record<string, unknown>): Record<string, unknown> => ({ title: '标题', kind: 'info', ...overrides });

interface Case {
  name: string;
  send: () => Promise<Answer>;
  status: number;
  /** The exact message, or a pattern it matches. */
  message?: string | RegExp;
  /** ASCII names the message may quote (field names, codes). */
  names?: string[];
}

const cases: Case[] = [
  // Tokens
  { name: 'no token', send: () => call(null, 'GET', '/api/documents'), status: 401, message: '登录已失效，请重新登录' },
  { name: 'Bearer without a token', send: () => call(null, 'GET', '/api/documents', undefined, '', { authorization: 'Bearer' }), status: 401 },
  { name: 'a token of garbage', send: () => withToken('!!!not-a-token!!!', '/api/documents'), status: 401 },
  { name: 'a 10 KB token', send: () => withToken('x'.repeat(10_000), '/api/documents'), status: 401 },
  { name: 'Basic instead of Bearer', send: () => call(null, 'GET', '/api/me', undefined, '', { authorization: `Basic ${btoa('alice:alice-pass')}` }), status: 401 },
  { name: 'an expired token', send: () => withToken(stale.expired, '/api/documents'), status: 401 },
  { name: 'a logged-out token', send: () => withToken(stale.loggedOut, '/api/me'), status: 401 },
  { name: 'the token of a disabled account', send: () => withToken(stale.disabled, '/api/documents'), status: 401 },
  { name: 'an expired token writing', send: () => call(new ApiClient(server.url, stale.expired), 'PATCH', `/api/documents/${docId}`, { title: '改' }), status: 401 },

  // Login and setup
  { name: 'login without a password', send: () => call(null, 'POST', '/api/auth/login', { username: 'alice' }), status: 400, message: '缺少密码' },
  { name: 'login with a numeric username', send: () => call(null, 'POST', '/api/auth/login', { username: 42, password: 'x' }), status: 400, message: '用户名应为文字' },
  { name: 'login with an array body', send: () => call(null, 'POST', '/api/auth/login', ['alice', 'alice-pass']), status: 400, message: '请求内容应为对象' },
  { name: 'login with a 10,000-character password', send: () => call(null, 'POST', '/api/auth/login', { username: 'alice', password: 'p'.repeat(10_000) }), status: 400, message: '密码不能超过 256 个字' },
  { name: 'login as nobody', send: () => call(null, 'POST', '/api/auth/login', { username: 'nobody', password: 'whatever-1' }), status: 401, message: '用户名或密码错误' },
  { name: 'setup once more', send: () => call(null, 'POST', '/api/setup', { password: 'another-admin' }), status: 409, message: '系统已初始化' },
  { name: 'local login on a team server', send: () => call(null, 'POST', '/api/auth/local', { secret: 'x'.repeat(32) }), status: 403 },

  // Content types and bodies
  { name: 'a form-encoded body', send: () => call(alice, 'POST', '/api/documents', 'title=a&kind=info', 'application/x-www-form-urlencoded'), status: 415, message: /JSON/ },
  { name: 'an XML body', send: () => call(alice, 'POST', '/api/documents', '<doc><title>a</title></doc>', 'application/xml'), status: 415 },
  { name: 'a plain-text body', send: () => call(alice, 'POST', '/api/documents', '{"title":"a","kind":"info"}', 'text/plain'), status: 415 },
  { name: 'a body without a content type', send: () => raw(alice, '/api/documents', null, text('{"title":"a","kind":"info"}')), status: 415 },
  { name: 'malformed JSON', send: () => call(alice, 'POST', '/api/documents', '{"title": "半截', 'application/json'), status: 400, message: '请求内容不是有效的 JSON' },
  { name: 'an empty JSON body', send: () => raw(alice, '/api/documents', 'application/json', new Uint8Array()), status: 400, message: '请求内容为空' },
  { name: 'JSON null', send: () => call(alice, 'POST', '/api/documents', 'null'), status: 400, message: '请求内容不能为空' },
  { name: 'a JSON string', send: () => call(alice, 'POST', '/api/documents', '"标题"'), status: 400, message: '请求内容应为对象' },
  { name: 'a __proto__ key', send: () => call(alice, 'POST', '/api/documents', '{"title":"a","kind":"info","__proto__":{"admin":true}}'), status: 400, message: '请求内容不是有效的 JSON' },
  { name: 'a 3 MB JSON body', send: () => call(alice, 'POST', '/api/documents', doc({ blocks: [{ type: 'paragraph', text: '字'.repeat(1_100_000) }] })), status: 413, message: '请求内容不能超过 2 MB' },
  { name: 'JSON nested 5,000 deep', send: () => call(alice, 'POST', '/api/documents', `{"title":${'['.repeat(5000)}${']'.repeat(5000)},"kind":"info"}`), status: 400, message: '标题应为文字' },
  { name: 'a broken percent-encoding in the path', send: () => call(alice, 'GET', '/api/documents/%E0%A4%A'), status: 400, message: '请求地址有误' },
  { name: 'a request line that is not HTTP', send: async () => answerOf(await rawExchange(server.port, text('HELLO DESK, ARE YOU THERE?\r\n\r\n'))), status: 400, message: '请求格式有误，无法识别' },
  { name: 'headers of 20 KB', send: () => raw(alice, '/api/documents', 'application/json', text('{}'), { 'x-padding': 'a'.repeat(20_000) }), status: 431, message: '请求头过大' },
  { name: 'an unknown route', send: () => call(alice, 'GET', '/api/nothing-here'), status: 404, message: '没有这个接口，请检查请求的地址和方法' },
  { name: 'a method the route does not take', send: () => call(alice, 'PUT', '/api/documents', doc({})), status: 404 },

  // Documents: types, missing fields, huge strings, unicode
  { name: 'an empty title', send: () => call(alice, 'POST', '/api/documents', doc({ title: '' })), status: 400, message: '标题不能为空' },
  { name: 'a title of zero-width spaces', send: () => call(alice, 'POST', '/api/documents', doc({ title: '\u200B\u200C\u200D\u2060\uFEFF' })), status: 400, message: '标题不能为空' },
  { name: 'a title of bidi controls and spaces', send: () => call(alice, 'POST', '/api/documents', doc({ title: ' \u202E\u2067 \u3000' })), status: 400, message: '标题不能为空' },
  { name: 'a title of lone surrogates', send: () => call(alice, 'POST', '/api/documents', '{"title":"\\udfff\\ud800","kind":"info"}'), status: 400, message: '标题不能为空' },
  { name: 'a title of 201 characters', send: () => call(alice, 'POST', '/api/documents', doc({ title: '字'.repeat(201) })), status: 400, message: '标题不能超过 200 个字' },
  { name: 'a title of a megabyte', send: () => call(alice, 'POST', '/api/documents', doc({ title: 'a'.repeat(1_000_000) })), status: 400, message: '标题不能超过 200 个字' },
  { name: 'a numeric title', send: () => call(alice, 'POST', '/api/documents', doc({ title: 2024 })), status: 400, message: '标题应为文字' },
  { name: 'no kind', send: () => call(alice, 'POST', '/api/documents', { title: '标题' }), status: 400, message: '缺少类别' },
  { name: 'an unknown kind', send: () => call(alice, 'POST', '/api/documents', doc({ kind: 'poem' })), status: 400, message: '类别的取值无效' },
  { name: 'blocks that are not a list', send: () => call(alice, 'POST', '/api/documents', doc({ blocks: '一段' })), status: 400, message: '正文段落应为列表' },
  { name: '10,001 blocks', send: () => call(alice, 'POST', '/api/documents', doc({ blocks: Array.from({ length: 10_001 }, () => ({ type: 'paragraph', text: '' })) })), status: 400, message: '正文段落不能超过 10000 项' },
  { name: 'a block at level 5', send: () => call(alice, 'POST', '/api/documents', doc({ blocks: [{ type: 'paragraph', level: 5, text: '五级' }] })), status: 400, message: '正文段落第 1 项的级别不能大于 4' },
  { name: 'a block that is not a paragraph', send: () => call(alice, 'POST', '/api/documents', doc({ blocks: [{ type: 'image', text: '' }] })), status: 400, message: '正文段落第 1 项的类型的取值无效' },
  { name: 'a property that is a number', send: () => call(alice, 'POST', '/api/documents', doc({ properties: { 发文字号: 12 } })), status: 400, message: '属性“发文字号”的格式不正确' },
  { name: 'a property name of 65 characters', send: () => call(alice, 'POST', '/api/documents', doc({ properties: { ['名'.repeat(65)]: '值' } })), status: 400, message: '属性的名称不能超过 64 个字' },
  { name: 'a list filter with an unknown kind', send: () => call(alice, 'GET', '/api/documents?kind=poem'), status: 400, message: '类别的取值无效' },
  { name: 'a list filter given twice', send: () => call(alice, 'GET', '/api/documents?kind=info&kind=media'), status: 400, message: '类别的取值无效' },
  { name: 'a search of 201 characters', send: () => call(alice, 'GET', `/api/documents?q=${encodeURIComponent('查'.repeat(201))}`), status: 400, message: '关键词不能超过 200 个字' },

  // Wrong ids and other people's things
  { name: 'an unknown document', send: () => call(alice, 'GET', '/api/documents/00000000-0000-0000-0000-000000000000'), status: 404, message: '文稿不存在' },
  { name: 'a document id of 65 characters', send: () => call(alice, 'GET', `/api/documents/${'a'.repeat(65)}`), status: 400, message: '编号不能超过 64 个字' },
  { name: 'a document id of 150 characters', send: () => call(alice, 'GET', `/api/documents/${'a'.repeat(150)}`), status: 400, message: '编号不能超过 64 个字' },
  { name: 'someone else’s document', send: () => call(bob, 'GET', `/api/documents/${docId}`), status: 403 },
  { name: 'renaming someone else’s document', send: () => call(bob, 'PATCH', `/api/documents/${docId}`, { title: '抢来的' }), status: 403 },
  { name: 'renaming to zero-width characters', send: () => call(alice, 'PATCH', `/api/documents/${docId}`, { title: '\u2060\u200B' }), status: 400, message: '标题不能为空' },
  { name: 'deleting an unknown document', send: () => call(alice, 'DELETE', '/api/documents/no-such-document'), status: 404 },
  { name: 'inviting an unknown user', send: () => call(alice, 'POST', `/api/documents/${docId}/collaborators`, { userId: 'no-such-user' }), status: 404, message: '用户不存在' },
  { name: 'inviting with a numeric user id', send: () => call(alice, 'POST', `/api/documents/${docId}/collaborators`, { userId: 7 }), status: 400, message: '用户应为文字' },

  // Review workflow
  { name: 'an unknown transition', send: () => call(alice, 'POST', `/api/documents/${docId}/transitions`, { action: 'fly' }), status: 400, message: '操作的取值无效' },
  { name: 'approving one’s own draft', send: () => call(alice, 'POST', `/api/documents/${docId}/transitions`, { action: 'approve' }), status: 409 },
  { name: 'a diff without its versions', send: () => call(alice, 'GET', `/api/documents/${docId}/diff`), status: 400, message: '缺少起始版本' },
  { name: 'an unknown version', send: () => call(alice, 'GET', `/api/documents/${docId}/versions/no-such-version`), status: 404 },
  { name: 'a version named with zero-width characters', send: () => call(alice, 'POST', `/api/documents/${docId}/versions`, { name: '\u200B' }), status: 400, message: '名称不能为空' },
  { name: 'offline edits that are not Yjs', send: () => call(alice, 'POST', `/api/documents/${docId}/rescue`, { state: btoa('definitely not a yjs update') }), status: 400, message: '离线修改的数据已损坏，无法保存' },

  // Review comments (批注): the route's own parameters are named in Chinese too
  { name: 'a comment thread id of 65 characters', send: () => call(alice, 'PATCH', `/api/documents/${docId}/comments/${'t'.repeat(65)}`, { resolved: true }), status: 400, message: '批注编号不能超过 64 个字' },
  { name: 'a comment entry id that is not a number', send: () => call(alice, 'PATCH', `/api/documents/${docId}/comments/t1/entries/abc`, { text: '改' }), status: 400, message: '批注条目编号应为有效的数字' },
  { name: 'a comment entry id of 0', send: () => call(alice, 'DELETE', `/api/documents/${docId}/comments/t1/entries/0`), status: 400, message: '批注条目编号应大于 0' },

  // The audit log's filter says which date is wrong
  { name: 'an audit start date that is not a date', send: () => call(admin, 'GET', '/api/audit?from=2024-13-01'), status: 400, message: '开始日期的格式应为 YYYY-MM-DD' },
  { name: 'an audit end date that is not a date', send: () => call(admin, 'GET', '/api/audit?to=yesterday'), status: 400, message: '结束日期的格式应为 YYYY-MM-DD' },
  { name: 'an audit end date given twice', send: () => call(admin, 'GET', '/api/audit?to=2024-01-01&to=2024-02-01'), status: 400, message: '结束日期的格式应为 YYYY-MM-DD' },
  { name: 'an audit export with a bad start date', send: () => call(admin, 'GET', '/api/audit.xlsx?from=2024/01/01'), status: 400, message: '开始日期的格式应为 YYYY-MM-DD' },
  { name: 'an audit page size of 0', send: () => call(admin, 'GET', '/api/audit?limit=0'), status: 400, message: '每页条数不能小于 1' },

  // Users
  { name: 'a Chinese username', send: () => call(admin, 'POST', '/api/users', { username: '张三', password: 'long-enough', displayName: '张三', roles: [] }), status: 400, message: '用户名只能包含字母、数字、下划线、点和连字符' },
  { name: 'an unknown role', send: () => call(admin, 'POST', '/api/users', { username: 'eve', password: 'long-enough', displayName: 'E', roles: ['god'] }), status: 400, message: '角色第 1 项的取值无效' },
  { name: 'a display name of zero-width characters', send: () => call(admin, 'POST', '/api/users', { username: 'eve', password: 'long-enough', displayName: '\u200D', roles: [] }), status: 400, message: '姓名不能为空' },
  { name: 'a duplicate username', send: () => call(admin, 'POST', '/api/users', { username: 'alice', password: 'long-enough', displayName: 'A', roles: [] }), status: 409, names: ['alice'] },
  { name: 'a writer creating a user', send: () => call(alice, 'POST', '/api/users', { username: 'eve', password: 'long-enough', displayName: 'E', roles: ['admin'] }), status: 403 },
  { name: 'editing an unknown user', send: () => call(admin, 'PATCH', '/api/users/no-such-user', { displayName: '谁' }), status: 404, message: '用户不存在' },
  { name: 'disabled given as a string', send: () => call(admin, 'PATCH', `/api/users/${aliceId}`, { disabled: 'yes' }), status: 400, message: '停用应为是或否' },

  // Ledger
  { name: 'an outlet at an unknown level', send: () => call(clerk, 'POST', '/api/outlets', { name: '县报', level: 'county', kind: 'journal' }), status: 400, message: '级别的取值无效' },
  { name: 'a submission on 30 February', send: () => call(clerk, 'POST', '/api/submissions', { title: '稿', kind: 'info', outletIds: ['x'], on: '2024-02-30' }), status: 400, names: ['YYYY', 'MM', 'DD'] },
  { name: 'a submission without outlets', send: () => call(clerk, 'POST', '/api/submissions', { title: '稿', kind: 'info', outletIds: [], on: '2024-02-01' }), status: 400, message: '请选择报送单位' },
  { name: 'a ledger year that is not a number', send: () => call(clerk, 'GET', '/api/submissions?year=abc'), status: 400, message: '年度应为有效的数字' },
  { name: 'targets for 1999', send: () => call(clerk, 'GET', '/api/targets/1999'), status: 400, message: '年度不能小于 2000' },
  { name: 'progress as of a bad date', send: () => call(clerk, 'GET', '/api/targets/progress?year=2024&asOf=yesterday'), status: 400 },
  { name: 'an event on an unknown submission', send: () => call(clerk, 'PATCH', '/api/submissions/no-such-row', { status: 'adopted', at: '2024-03-02' }), status: 404 },
  { name: 'an unknown event', send: () => call(clerk, 'PATCH', `/api/submissions/${submissionId}`, { status: 'lost', at: '2024-03-02' }), status: 400, message: '状态的取值无效' },
  { name: 'a writer recording a submission', send: () => call(alice, 'POST', '/api/submissions', { title: '稿', kind: 'info', outletIds: ['x'], on: '2024-02-01' }), status: 403 },

  // Files that are not what they claim, and broken forms
  { name: 'a text file named .xlsx', send: () => upload(clerk, '/api/ledger/import', '台账.xlsx', text('标题,类别\n')), status: 400, message: '无法读取文件，请确认是 .xlsx 或 .csv 格式' },
  { name: 'a PNG named .csv', send: () => upload(clerk, '/api/ledger/import', '台账.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])), status: 400 },
  { name: 'a .txt ledger', send: () => upload(clerk, '/api/ledger/import', '台账.txt', text('标题\n')), status: 400, message: '只能导入 .xlsx 或 .csv 文件' },
  { name: 'a ledger import sent as JSON', send: () => call(clerk, 'POST', '/api/ledger/import', { file: '台账.csv' }), status: 400, message: '请选择 .xlsx 或 .csv 文件' },
  { name: 'a form without a file', send: () => raw(clerk, '/api/ledger/import', 'multipart/form-data; boundary=b', text('--b\r\nContent-Disposition: form-data; name="note"\r\n\r\nhi\r\n--b--\r\n')), status: 400, message: '请选择 .xlsx 或 .csv 文件' },
  { name: 'a form without a boundary', send: () => raw(clerk, '/api/ledger/import', 'multipart/form-data', text('--b\r\n\r\n--b--\r\n')), status: 400, message: '上传的表单不完整或格式有误' },
  { name: 'a form cut short', send: () => raw(clerk, '/api/ledger/import', multipartBody('台账.csv', text('标题,类别\n')).contentType, multipartBody('台账.csv', text('标题,类别\n')).body.slice(0, 150)), status: 400, message: '上传的表单不完整或格式有误' },
  { name: 'an 11 MB ledger', send: () => upload(clerk, '/api/ledger/import', '台账.csv', new Uint8Array(11 * 1024 * 1024).fill(0x41)), status: 413, message: '导入文件不能超过 10 MB' },
  { name: 'a text file named .docx', send: () => upload(alice, '/api/import', '通知.docx', text('这不是 Word 文档')), status: 400, message: '文件不是 Word 文档（.docx），无法导入' },
  { name: 'an old .doc', send: () => upload(alice, '/api/import', '旧版.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])), status: 400 },
  { name: 'an empty .docx', send: () => upload(alice, '/api/import', '空.docx', new Uint8Array()), status: 400 },
  { name: 'a zip without a document', send: async () => { const zip = new JSZip(); zip.file('a.txt', 'x'); return upload(alice, '/api/import', '压缩包.docx', await zip.generateAsync({ type: 'uint8array' })); }, status: 400 },
  { name: 'evidence from a writer', send: () => upload(alice, `/api/submissions/${submissionId}/evidence`, '扫描.pdf', text('%PDF-1.4')), status: 403 },

  // Proofreading
  { name: 'proofreading a number', send: () => call(alice, 'POST', '/api/proofread', { text: 12 }), status: 400, message: '文字应为文字' },
  { name: 'an unknown proofing list', send: () => call(admin, 'PUT', '/api/proofing/lists/swear', { entries: [] }), status: 400, message: '名称的取值无效' },
  { name: 'a writer replacing a proofing list', send: () => call(alice, 'PUT', '/api/proofing/lists/sensitive', { entries: [] }), status: 403 },
  { name: 'ignoring past the end of the text', send: () => call(alice, 'POST', `/api/documents/${docId}/proofing/ignored`, { scope: 'body', rule: 'r', start: 0, end: 99, text: '短' }), status: 400, message: '结束位置超出了文字的范围' },
  { name: 'ignoring in an unknown scope', send: () => call(alice, 'POST', `/api/documents/${docId}/proofing/ignored`, { scope: 'elsewhere', rule: 'r', start: 0, end: 1, text: '短' }), status: 400, message: '范围的格式不正确' },
];

describe('the bad-input catalog', () => {
  it('has at least 50 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(50);
  });

  it.each(cases)('refuses $name with $status, in Chinese, changing nothing', async ({ send, status, message, names }) => {
    const before = await desk();
    const answer = await send();
    expect(answer.status).toBe(status);
    const said = expectChineseError(answer.body, names);
    if (typeof message === 'string') expect(said).toBe(message);
    else if (message) expect(said).toMatch(message);
    expect(await desk()).toBe(before);
  });
});

interface SocketCase {
  name: string;
  /** Sends the garbage on an open socket; says whether the server refused it as expected. */
  send: (ws: WebSocket, received: Uint8Array[]) => Promise<void>;
  outcome: 'closed' | 'denied';
  /** The Chinese reason the refusal carries: in the permission-denied reply, or in the close frame. */
  reason: string;
}

const bodyText = async (): Promise<string> => (await alice.ok<{ text: string }>('GET', `/api/documents/${docId}/content`)).text;
const everything = (received: Uint8Array[]): string => Buffer.concat(received.map((m) => Buffer.from(m))).toString('utf8');

const UNREADABLE = '无法识别的消息，连接已断开';
const socketCases: SocketCase[] = [
  { name: 'random bytes', send: async (ws) => ws.send(new Uint8Array([0xff, 0xfe, 0xfd, 0x00, 0x13, 0x37])), outcome: 'closed', reason: UNREADABLE },
  { name: 'a text frame', send: async (ws) => ws.send('hello, are you Hocuspocus?'), outcome: 'closed', reason: UNREADABLE },
  { name: 'an empty frame', send: async (ws) => ws.send(new Uint8Array()), outcome: 'closed', reason: UNREADABLE },
  { name: 'a forged token', send: async (ws) => { ws.send(authMessage(docId, 'forged-token')); ws.send(syncStep1(docId)); }, outcome: 'denied', reason: '登录已失效，请重新登录' },
  { name: 'an expired token', send: async (ws) => { ws.send(authMessage(docId, stale.expired)); ws.send(syncStep1(docId)); }, outcome: 'denied', reason: '登录已失效，请重新登录' },
  { name: 'a document name that is a path', send: async (ws) => { ws.send(authMessage('../../etc/passwd', alice.token)); }, outcome: 'denied', reason: '没有这个协作文档' },
  { name: 'someone else’s document', send: async (ws) => { ws.send(authMessage(docId, bob.token)); ws.send(syncStep1(docId)); }, outcome: 'denied', reason: '没有权限访问此文稿' },
  { name: 'an unknown document', send: async (ws) => { ws.send(authMessage('00000000-0000-0000-0000-000000000000', alice.token)); }, outcome: 'denied', reason: '文稿不存在' },
  {
    name: 'a malformed Yjs update after a good login',
    send: async (ws, received) => {
      ws.send(authMessage(docId, alice.token));
      await waitFor(() => received.length > 0, 5000, 'authentication');
      ws.send(updateMessage(docId, new Uint8Array([0xff, 0xff, 0xff, 0x01, 0x02, 0x03])));
    },
    outcome: 'closed',
    reason: '收到的修改数据已损坏，连接已断开',
  },
];

describe('garbage on the collaboration socket', () => {
  it.each(socketCases)('refuses $name in Chinese and changes nothing', async ({ send, outcome, reason }) => {
    const before = await desk();
    const socket = await rawSocket(server.wsUrl);
    await send(socket.ws, socket.received);
    if (outcome === 'closed') {
      const frame = await Promise.race([socket.closeFrame, new Promise((r) => setTimeout(r, 5000))]);
      expect(socket.ws.readyState).not.toBe(WebSocket.OPEN);
      expect(frame).toMatchObject({ reason });
    } else {
      await waitFor(() => deniedReasons(socket.received).length > 0, 5000, 'permission-denied');
      expect(deniedReasons(socket.received)).toEqual([reason]);
      await new Promise((r) => setTimeout(r, 200));
      expect(everything(socket.received)).not.toContain('现将有关事项');
      socket.ws.close();
    }
    expect(await bodyText()).toBe('各单位：现将有关事项通知如下。');
    expect(await desk()).toBe(before);
    expect((await call(null, 'GET', '/api/health')).body).toEqual({ ok: true });
  });
});
