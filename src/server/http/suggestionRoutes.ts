import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { resolveSuggestionsRequest, type ResolveSuggestionsResponse, type SuggestionsResponse } from '../../shared/suggestions';
import type { SuggestionResolver } from '../review/suggestionResolver';
import type { Services } from '../services';
import { parse, requireUser } from './context';

const idParam = z.object({ id: z.string().min(1).max(64) });

/**
 * 修订: `GET /api/documents/:id/suggestions` for anyone who may read the piece; `POST …/accept` and
 * `…/reject` with `{ids} | {authorId} | {all: true}` for who may change the text now.
 */
export function registerSuggestionRoutes(app: FastifyInstance, services: Services, suggestions: SuggestionResolver): void {
  const { sessions } = services;

  app.get('/api/documents/:id/suggestions', async (request): Promise<SuggestionsResponse> => {
    const user = await requireUser(sessions, request);
    return { suggestions: await suggestions.list(user, parse(idParam, request.params).id) };
  });

  for (const action of ['accept', 'reject'] as const) {
    app.post(`/api/documents/:id/suggestions/${action}`, async (request): Promise<ResolveSuggestionsResponse> => {
      const user = await requireUser(sessions, request);
      const body = parse(resolveSuggestionsRequest, request.body);
      return suggestions.resolve(user, parse(idParam, request.params).id, action === 'accept', body);
    });
  }
}
