import type { FastifyInstance } from 'fastify';
import { bearerToken, requireUser } from './context';
import type { Services } from '../services';

/**
 * `GET /api/events`: the user's event stream (Server-Sent Events), authenticated like every other call
 * with `Authorization: Bearer <token>`: the app reads it with fetch, which can send that header, so
 * the session token never appears in a URL and no second credential (ticket, cookie) is needed.
 */
export function registerEventRoutes(app: FastifyInstance, services: Services): void {
  app.get('/api/events', async (request, reply) => {
    const user = await requireUser(services.sessions, request);
    reply.hijack();
    services.events.streams.attach(user.id, bearerToken(request), reply.raw);
  });
}
