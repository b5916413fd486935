import type { FastifyInstance, FastifyRequest } from 'fastify';
import { localLoginRequest, loginRequest, setupRequest, type LoginResponse } from '../../shared/api';
import { verifyPassword } from '../auth/passwords';
import { DeskError, forbidden } from './errors';
import { bearerToken, isLoopback, parse, requireUser } from './context';
import type { Services } from './services';

/** Login, logout, the current user, and first-start setup of the admin account. */
export function registerAuthRoutes(app: FastifyInstance, services: Services): void {
  const { users, sessions, throttle, audit } = services;
  app.get('/api/health', async () => ({ ok: true }));

  app.get('/api/setup', async (request) => ({
    needed: (await users.count()) === 0,
    allowed: isLoopback(request.socket.remoteAddress),
  }));

  app.post('/api/setup', async (request): Promise<LoginResponse> => {
    if (!isLoopback(request.socket.remoteAddress)) throw forbidden('初始化只能在服务器本机上进行');
    const body = parse(setupRequest, request.body);
    if ((await users.count()) > 0) throw new DeskError('conflict', '系统已初始化');
    const user = await users.create({ username: 'admin', password: body.password, displayName: body.displayName ?? '管理员', roles: ['admin'] });
    await audit(user.id, 'setup.admin', user.id);
    return { token: await sessions.create(user.id), user };
  });

  app.post('/api/auth/login', async (request): Promise<LoginResponse> => {
    const { username, password } = parse(loginRequest, request.body);
    const address = request.socket.remoteAddress ?? '';
    const wait = throttle.retryAfter(username, address);
    if (wait > 0) {
      throw new DeskError('too_many_requests', `密码错误次数过多，请 ${Math.ceil(wait / 60_000)} 分钟后再试`,
        { 'retry-after': String(Math.ceil(wait / 1000)) });
    }
    const row = await users.findRowByUsername(username);
    // Verify against a dummy hash when the user is unknown, so timing does not reveal usernames.
    const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
    const where = requestAddress(request);
    if (!row || !ok) {
      throttle.recordFailure(username, address);
      // The name tried and where from; never the password.
      await audit(null, 'auth.failed', row?.id ?? '', { username, ...where, reason: row ? 'password' : 'unknown-user' });
      throw new DeskError('unauthorized', '用户名或密码错误');
    }
    if (row.disabled === 1) {
      await audit(null, 'auth.failed', row.id, { username, ...where, reason: 'disabled' });
      throw new DeskError('forbidden', '此账号已停用，请联系管理员');
    }
    throttle.recordSuccess(username, address);
    const user = await users.get(row.id);
    await audit(user.id, 'auth.login', user.id, where);
    return { token: await sessions.create(user.id), user };
  });

  // The desktop app's own user, logged in without a password: the Electron shell hands the renderer
  // a secret that only this server process knows the hash of (per launch, never fixed), loopback only.
  app.post('/api/auth/local', async (request): Promise<LoginResponse> => {
    const local = services.localLogin;
    if (!local || !isLoopback(request.socket.remoteAddress)) throw forbidden('此服务器不支持本机自动登录');
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
function requestAddress(request: FastifyRequest): { address: string; forwardedFor?: string } {
  const forwarded = request.headers['x-forwarded-for'];
  const forwardedFor = (Array.isArray(forwarded) ? forwarded.join(', ') : forwarded)?.slice(0, 200);
  return { address: request.socket.remoteAddress ?? '', ...(forwardedFor && { forwardedFor }) };
}

const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
