import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createUserRequest, updateUserRequest } from '../../shared/api';
import { parse, requireAdmin, requireUser } from './context';
import { DeskError } from '../errors';
import type { Services } from '../services';

const idParam = z.object({ id: z.string().min(1).max(64) });

/** User management (admin), and the user list everyone needs to invite collaborators. */
export function registerUserRoutes(app: FastifyInstance, { users, sessions, audit }: Services): void {
  app.get('/api/users', async (request) => {
    const me = await requireUser(sessions, request);
    const all = await users.list();
    return { users: me.roles.includes('admin') ? all : all.filter((u) => !u.disabled) };
  });

  app.post('/api/users', async (request, reply) => {
    const admin = await requireAdmin(sessions, request);
    const user = await users.create(parse(createUserRequest, request.body));
    await audit(admin.id, 'user.create', user.id, { roles: user.roles });
    return reply.code(201).send({ user });
  });

  app.patch('/api/users/:id', async (request) => {
    const admin = await requireAdmin(sessions, request);
    const { id } = parse(idParam, request.params);
    const changes = parse(updateUserRequest, request.body);
    if (id === admin.id && (changes.disabled || (changes.roles && !changes.roles.includes('admin')))) {
      throw new DeskError('conflict', '不能停用自己的账号或取消自己的管理员角色');
    }
    const user = await users.update(id, changes);
    // A disabled account or a reset password ends every open session of that user.
    if (changes.disabled || changes.password) await sessions.revokeAllFor(id);
    await audit(admin.id, 'user.update', id, { ...changes, password: changes.password ? '(reset)' : undefined });
    return { user };
  });
}
