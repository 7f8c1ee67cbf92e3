/**
 * Mentoring: relationships between a mentor and a mentee (people), their sessions with
 * competency ratings, shared and confidential notes and action items, and the reports on them.
 *
 * The data is reachable only through the admin routes below, which apply visibility.ts on every
 * read. Relationships and sessions are hidden from the Content Manager (its per-type RBAC cannot
 * say "only the mentor and the mentee", nor hide one field from a PMO manager but not a director)
 * and the Document Service refuses them outright (document-guard.ts); there are no Content API
 * routes for them; `api::person.person` has no inverse relation a populate could follow.
 * Competencies are not confidential: PMO managers and administrators edit them in the Content Manager.
 */
import type { Capability, RouteDefinition } from '../capability';
import { requirePermissions } from '../capability';
import type { RouteContract } from '../../../shared/contracts/common';
import { COMPETENCY_UID as COMPETENCY, MENTORING_USE, mentoringRoutes as input } from '../../../shared/contracts/mentoring';
import competency from './content-types/competency.json';
import mentoringRelationship from './content-types/mentoring-relationship.json';
import mentoringSession from './content-types/mentoring-session.json';
import controller from './controller';
import { registerReminderSource, registerWorkSource } from '../platform/notices';
import { registerMentoringGuard } from './document-guard';
import { actionItemReminders, actionItemWork } from './reminders';
import { createMentoringService, getMentoringService } from './service';

const use = requirePermissions(MENTORING_USE);
/** Every route needs mentoring.use (the service then decides per relationship) and declares its contract. */
const route = (method: RouteDefinition['method'], path: string, handler: keyof typeof input): RouteDefinition => ({
  method,
  path: `/mentoring${path}`,
  handler: `mentoring.${handler}`,
  input: input[handler] as RouteContract,
  config: use,
});

export const mentoring: Capability = {
  name: 'mentoring',
  contentTypes: {
    competency: { schema: competency },
    'mentoring-relationship': { schema: mentoringRelationship },
    'mentoring-session': { schema: mentoringSession },
  },
  services: { mentoring: ({ strapi }) => createMentoringService(strapi) },
  controllers: { mentoring: controller },
  adminRoutes: [
    route('GET', '/me', 'me'),
    route('GET', '/competencies', 'competencies'),
    route('GET', '/relationships', 'listRelationships'),
    route('POST', '/relationships', 'createRelationship'),
    route('GET', '/relationships/:documentId', 'getRelationship'),
    route('PUT', '/relationships/:documentId', 'updateRelationship'),
    route('DELETE', '/relationships/:documentId', 'deleteRelationship'),
    route('GET', '/relationships/:documentId/timeline', 'timeline'),
    route('GET', '/relationships/:documentId/next-session', 'nextSession'),
    route('GET', '/ratings', 'ratings'),
    route('GET', '/sessions', 'searchSessions'),
    route('POST', '/sessions', 'createSession'),
    route('GET', '/sessions/:documentId', 'getSession'),
    route('PUT', '/sessions/:documentId', 'updateSession'),
    route('DELETE', '/sessions/:documentId', 'deleteSession'),
    route('PUT', '/sessions/:documentId/action-items/:itemId', 'tickActionItem'),
    route('GET', '/action-items', 'actionItems'),
    route('GET', '/reports/hours', 'hours'),
    route('GET', '/exports/hours.csv', 'hoursCsv'),
  ],
  // Deliberately none: mentoring data is not reachable from the Content API at all.
  contentApiRoutes: [],
  actions: [
    {
      section: 'plugins',
      displayName: 'Use mentoring (each relationship is still seen only by its mentor, mentee and PMO oversight)',
      uid: 'mentoring.use',
      subCategory: 'mentoring',
      pluginName: 'pmo',
    },
  ],
  grants: {
    'pmo-director': [MENTORING_USE],
    'pmo-manager': [MENTORING_USE],
    'pmo-analyst': [MENTORING_USE],
    'project-manager': [MENTORING_USE],
  },
  contentGrants: {
    'pmo-director': { [COMPETENCY]: ['read'] },
    'pmo-manager': { [COMPETENCY]: ['read', 'create', 'update'] },
    'pmo-analyst': { [COMPETENCY]: ['read'] },
    'pmo-administrator': { [COMPETENCY]: ['read', 'create', 'update'] },
    'project-manager': { [COMPETENCY]: ['read'] },
    'change-board': { [COMPETENCY]: ['read'] },
    finance: { [COMPETENCY]: ['read'] },
  },
  register(strapi) {
    registerMentoringGuard(strapi);
    registerReminderSource(actionItemReminders);
    registerWorkSource(actionItemWork);
  },
  async bootstrap(strapi) {
    await getMentoringService(strapi).seed();
  },
};
