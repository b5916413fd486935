import type { FastifyInstance } from 'fastify';
import { searchQuery } from '../../shared/search';
import { parse, requireUser } from './context';
import type { Services } from '../services';
import type { SearchStore } from '../search/searchStore';

/**
 * `GET /api/search?q=&kind=&state=&writer=&year=&target=`: pieces by words in their title or body
 * (search/searchStore.ts), each with the user's right to delete it as the document list has it.
 */
export function registerSearchRoutes(app: FastifyInstance, services: Pick<Services, 'sessions' | 'remover'>, search: SearchStore): void {
  app.get('/api/search', async (request) => {
    const user = await requireUser(services.sessions, request);
    const answer = await search.search(user, parse(searchQuery, request.query));
    const rights = await services.remover.withRights(user, answer.results);
    return { ...answer, results: answer.results.map((result, i) => ({ ...result, removal: rights[i].removal })) };
  });
}
