/** Search inside pieces (`GET /api/search`, src/shared/search.ts). */
import type { SearchAnswer, SearchQuery } from '../../shared/search';
import { request } from './client';

export const searchApi = {
  /** The pieces the user may read whose title or body holds every term of `q`, with the filters given. */
  search: (query: SearchQuery, signal?: AbortSignal) =>
    request<SearchAnswer>('/search', {
      query: {
        q: query.q.trim(), kind: query.kind, state: query.state, writer: query.writer,
        year: query.year === undefined ? undefined : String(query.year), target: query.target,
      },
      signal,
    }),
};
