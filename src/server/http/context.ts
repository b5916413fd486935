import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { User } from '../../shared/api';
import { chineseErrors, recordId } from '../../shared/validation';
import { DeskError, forbidden, unauthorized } from '../errors';
import type { SessionStore } from '../auth/sessionStore';

/**
 * Parses a request part with a zod schema; bad input is a 400 whose message names the first wrong
 * field and why, in Chinese (`标题不能为空`; see src/shared/validation.ts).
 */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value, { error: chineseErrors });
  if (!result.success) throw new DeskError('bad_request', result.error.issues[0].message);
  return result.data;
}

/** The `:id` path parameter of the routes of one record. */
export const idParam = z.object({ id: recordId });

export function bearerToken(request: FastifyRequest): string {
  const header = request.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
}

/** The logged-in user of a request, or 401. */
export async function requireUser(sessions: SessionStore, request: FastifyRequest): Promise<User> {
  const user = await sessions.authenticate(bearerToken(request));
  if (!user) throw unauthorized('登录已失效，请重新登录');
  return user;
}

export async function requireAdmin(sessions: SessionStore, request: FastifyRequest): Promise<User> {
  const user = await requireUser(sessions, request);
  if (!user.roles.includes('admin')) throw forbidden('只有管理员可以执行此操作');
  return user;
}

export function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

const FORWARDING_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

/**
 * True for a request made on the server's own machine: from loopback, and not relayed by a proxy
 * there (trusted or not, a proxy on this machine forwards for clients anywhere). First-start setup
 * and the desktop's local login take only these.
 */
export function isLocalRequest(request: FastifyRequest): boolean {
  return isLoopback(request.socket.remoteAddress) && isLoopback(request.ip) && !FORWARDING_HEADERS.some((h) => h in request.headers);
}
