/** /plugins/pmo/governance: the board, a project's gates, and a gate review. */
import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';

import { GateReviewPage } from './GateReviewPage';
import { GovernanceBoard } from './GovernanceBoard';
import { ProjectGatesPage } from './ProjectGatesPage';

export const GovernanceRoutes = () => (
  <Routes>
    <Route index element={<GovernanceBoard />} />
    <Route path="projects/:documentId" element={<ProjectGatesPage />} />
    <Route path="reviews/:documentId" element={<GateReviewPage />} />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);
