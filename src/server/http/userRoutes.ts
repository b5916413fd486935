import type { FastifyInstance } from 'fastify';
import { createUserRequest, updateUserRequest } from '../../shared/api';
import { idParam, parse, requireAdmin, requireUser } from './context';
import type { Services } from '../services';


/** User management (admin), and the user list everyone needs to invite collaborators. */
export function registerUserRoutes(app: FastifyInstance, { users, sessions, audit, flows }: Services): void {
  app.get('/api/users', async (request) => {
    const me = await requireUser(sessions, request);
    const all = await users.list();
    return { users: me.roles.includes('admin') ? all : all.filter((u) => !u.disabled) };
  });

  app.post('/api/users', async (request, reply) => {
    const admin = await requireAdmin(sessions, request);
    const user = await users.create(parse(createUserRequest, request.body));
    await audit(admin.id, 'user.create', user.id, { roles: user.roles, ...(user.department && { department: user.department }) });
    return reply.code(201).send({ user });
  });

  app.patch('/api/users/:id', async (request) => {
    const admin = await requireAdmin(sessions, request);
    const { id } = parse(idParam, request.params);
    return { user: await flows.userUpdater.update(admin, id, parse(updateUserRequest, request.body)) };
  });
}
