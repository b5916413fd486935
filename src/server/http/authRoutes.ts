import type { FastifyInstance, FastifyRequest } from 'fastify';
import { localLoginRequest, loginRequest, setupRequest, type LoginResponse } from '../../shared/api';
import { verifyPassword } from '../auth/passwords';
import { cookieValue, DEVICE_COOKIE, deviceCookie, issueDeviceToken, verifyDeviceToken } from '../auth/deviceTokens';
import { DeskError, forbidden } from '../errors';
import { bearerToken, isLocalRequest, parse, requireUser } from './context';
import type { Services } from '../services';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function tooMany(reason: 'address' | 'device', retryAfterMs: number): DeskError {
  const minutes = Math.ceil(retryAfterMs / 60_000);
  const message = reason === 'address'
    ? `此地址登录失败次数过多，请 ${minutes} 分钟后再试`
    : `此设备上的密码错误次数过多，请 ${minutes} 分钟后再试，或换一台设备登录`;
  return new DeskError('too_many_requests', message, { 'retry-after': String(Math.ceil(retryAfterMs / 1000)) });
}

/** Login, logout, the current user, and first-start setup of the admin account. */
export function registerAuthRoutes(app: FastifyInstance, services: Services): void {
  const { users, sessions, loginGuard, audit } = services;
  app.get('/api/health', async () => ({ ok: true }));

  app.get('/api/setup', async (request) => ({
    needed: (await users.count()) === 0,
    allowed: isLocalRequest(request),
  }));

  app.post('/api/setup', async (request): Promise<LoginResponse> => {
    if (!isLocalRequest(request)) throw forbidden('初始化只能在服务器本机上进行');
    const body = parse(setupRequest, request.body);
    if ((await users.count()) > 0) throw new DeskError('conflict', '系统已初始化');
    const user = await users.create({ username: 'admin', password: body.password, displayName: body.displayName ?? '管理员', roles: ['admin'] });
    await audit(user.id, 'setup.admin', user.id);
    return { token: await sessions.create(user.id), user };
  });

  // Wrong passwords slow down unknown devices and block the guessing address; a device that logged
  // in before (its device cookie) always gets in with the right password (LoginGuard).
  app.post('/api/auth/login', async (request, reply): Promise<LoginResponse> => {
    const { username, password } = parse(loginRequest, request.body);
    const row = await users.findRowByUsername(username);
    const deviceId = verifyDeviceToken(cookieValue(request.headers.cookie, DEVICE_COOKIE), row);
    const admission = loginGuard.admit({ username, address: request.ip, deviceId });
    if (!admission.ok) throw tooMany(admission.reason, admission.retryAfterMs);
    let ok = false;
    try {
      if (admission.delayMs > 0) await sleep(admission.delayMs);
      // Verify against a dummy hash when the user is unknown, so timing does not reveal usernames.
      ok = (await verifyPassword(password, row?.password_hash ?? DUMMY_HASH)) && row !== undefined;
    } finally {
      admission.settle(ok);
    }
    const where = requestAddress(request);
    if (!ok || !row) {
      // The name tried and where from; never the password.
      await audit(null, 'auth.failed', row?.id ?? '', { username, ...where, reason: row ? 'password' : 'unknown-user' });
      throw new DeskError('unauthorized', '用户名或密码错误');
    }
    if (row.disabled === 1) {
      await audit(null, 'auth.failed', row.id, { username, ...where, reason: 'disabled' });
      throw new DeskError('forbidden', '此账号已停用，请联系管理员');
    }
    reply.header('set-cookie', deviceCookie(issueDeviceToken(row), request.protocol === 'https'));
    const user = await users.get(row.id);
    await audit(user.id, 'auth.login', user.id, { ...where, knownDevice: deviceId !== null });
    return { token: await sessions.create(user.id), user };
  });

  // The desktop app's own user, logged in without a password: the Electron shell hands the renderer
  // a secret that only this server process knows the hash of (per launch, never fixed), loopback only.
  app.post('/api/auth/local', async (request): Promise<LoginResponse> => {
    const local = services.localLogin;
    if (!local || !isLocalRequest(request)) throw forbidden('此服务器不支持本机自动登录');
    const { secret } = parse(localLoginRequest, request.body);
    if (!local.accepts(secret)) throw new DeskError('unauthorized', '本机登录凭据无效');
    const user = await local.user();
    await audit(user.id, 'auth.local', user.id);
    return { token: await sessions.create(user.id), user };
  });

  app.post('/api/auth/logout', async (request) => {
    await sessions.revoke(bearerToken(request));
    return { ok: true };
  });

  app.get('/api/me', async (request) => ({ user: await requireUser(sessions, request) }));
}

/** Where a login came from: the peer's address and, behind a reverse proxy, what it says it forwarded (unchecked). */
/**
 * Where a login came from, for the audit log: the client's address (`request.ip`, which follows
 * X-Forwarded-For only from a trusted proxy, see --trust-proxy) and, when a proxy that is not trusted
 * sent that header, its value as given (shown, not believed).
 */
function requestAddress(request: FastifyRequest): { address: string; forwardedFor?: string } {
  const forwarded = request.headers['x-forwarded-for'];
  const untrusted = request.ip === request.socket.remoteAddress;
  const forwardedFor = untrusted ? (Array.isArray(forwarded) ? forwarded.join(', ') : forwarded)?.slice(0, 200) : undefined;
  return { address: request.ip, ...(forwardedFor && { forwardedFor }) };
}

const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
