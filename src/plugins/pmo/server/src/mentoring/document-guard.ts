/**
 * Closes the Document Service to mentoring relationships and sessions. Hiding them from the
 * Content Manager is not enough: its API still serves hidden types to a super admin, confidential
 * notes included. Whatever reaches data through the Document Service (Content Manager, Content
 * API, MCP, plugins) gets a 403; the mentoring routes read and write through the query layer.
 */
import type { Core } from '@strapi/strapi';
import { forbidden } from '../platform/errors';
import { RELATIONSHIP_UID, SESSION_UID } from '../../../shared/contracts/mentoring';

const CLOSED = new Set<string>([RELATIONSHIP_UID, SESSION_UID]);

export function registerMentoringGuard(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    if (CLOSED.has(context.uid)) {
      throw forbidden('Mentoring relationships and sessions are open only in PMO Hub\'s Mentoring pages, which decide who sees what');
    }
    return next();
  });
}
