/**
 * Search's contract (DESIGN.md, "Search and lists"): `GET /pmo/search?type=&q=&limit=` finds
 * people, projects, programmes or portfolios by name, code or email, best matches first, among
 * what the caller may read. The pickers of the admin (components/SearchPicker) are typed from it.
 */
import { CONTENT_MANAGER, PERSON_UID, PORTFOLIO_UID, PROGRAMME_UID, PROJECT_UID } from './uids';
import { contract, noParams, oneOf, query, queryWholeNumber, z } from './common';

/** The right to read a content type in the Content Manager: search answers only what it shows. */
export const CONTENT_READ = CONTENT_MANAGER.read;

export const SEARCH_TYPES = ['person', 'project', 'programme', 'portfolio'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export const SEARCH_UIDS: Record<SearchType, string> = {
  person: PERSON_UID,
  project: PROJECT_UID,
  programme: PROGRAMME_UID,
  portfolio: PORTFOLIO_UID,
};

/** How many results a search answers when `limit` is not given, and at most. */
export const SEARCH_DEFAULT_LIMIT = 20;
export const SEARCH_MAX_LIMIT = 50;

/** The shortest query the server answers: one letter would match nearly everything. */
export const SEARCH_MIN_LENGTH = 2;

/* ---------------------------------------------------------------------------------------------
 * Input
 * -------------------------------------------------------------------------------------------*/

const searchText = z
  .string({
    error: (issue) =>
      issue.input === undefined ? `Type at least ${SEARCH_MIN_LENGTH} characters to search` : 'The search text must be given once, as text',
  })
  .max(100, 'The search text must be at most 100 characters')
  .trim()
  .min(SEARCH_MIN_LENGTH, `Type at least ${SEARCH_MIN_LENGTH} characters to search`);

export const searchQuery = query({
  type: oneOf('type', SEARCH_TYPES),
  q: searchText,
  limit: queryWholeNumber('limit', 1, SEARCH_MAX_LIMIT).default(SEARCH_DEFAULT_LIMIT),
});
export type SearchQuery = z.output<typeof searchQuery>;

/* ---------------------------------------------------------------------------------------------
 * Answer
 * -------------------------------------------------------------------------------------------*/

/** One match: `label` is what a person reads (a person's full name, a project's name). */
export const searchResult = z.object({
  uid: z.string(),
  documentId: z.string(),
  label: z.string(),
  code: z.string().optional(),
});
export type SearchResult = z.infer<typeof searchResult>;

export const searchAnswer = z.object({ results: z.array(searchResult) });
export type SearchAnswer = z.infer<typeof searchAnswer>;

/* ---------------------------------------------------------------------------------------------
 * Routes
 * -------------------------------------------------------------------------------------------*/

export const searchRoutes = {
  /** GET /pmo/search */
  search: contract({ params: noParams, query: searchQuery }),
};
