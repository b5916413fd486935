import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { User } from '../../shared/api';
import { DeskError, forbidden, unauthorized } from './errors';
import type { SessionStore } from '../auth/sessionStore';

/** Parses a request part with a zod schema; bad input is a 400 naming the first problem. */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new DeskError('bad_request', `请求内容有误（${where}${issue.message}）`);
  }
  return result.data;
}

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
