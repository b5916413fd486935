import type { FastifyInstance } from 'fastify';
import { searchQuery } from '../../shared/search';
import { parse, requireUser } from './context';
import type { Services } from '../services';
import type { SearchStore } from '../search/searchStore';

/** `GET /api/search?q=&kind=&state=&writer=&year=&target=`: pieces by words in their title or body (search/searchStore.ts). */
export function registerSearchRoutes(app: FastifyInstance, services: Pick<Services, 'sessions'>, search: SearchStore): void {
  app.get('/api/search', async (request) => {
    const user = await requireUser(services.sessions, request);
    return search.search(user, parse(searchQuery, request.query));
  });
}
