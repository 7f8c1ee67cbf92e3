/**
 * PMO Hub → Mentoring (/admin/plugins/pmo/mentoring): the overview, a relationship, the session
 * form. Who may open it is checked once, by `RequirePage page="mentoring"` in App.tsx.
 */
import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';

import { MentoringPage } from './overview/MentoringPage';
import { RelationshipPage } from './relationship/RelationshipPage';
import { SessionFormPage } from './session/SessionFormPage';

export const MentoringRoutes = () => (
  <Routes>
    <Route index element={<MentoringPage />} />
    <Route path="relationships/:relationshipId" element={<RelationshipPage />} />
    <Route path="relationships/:relationshipId/sessions/new" element={<SessionFormPage />} />
    <Route path="relationships/:relationshipId/sessions/:sessionId/edit" element={<SessionFormPage />} />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);
