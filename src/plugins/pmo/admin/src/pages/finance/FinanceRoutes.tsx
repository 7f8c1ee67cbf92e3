/**
 * /plugins/pmo/finance: the earned-value overview, a project's or programme's S-curve, their
 * budget outlines, and the exports.
 */
import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';

import { BudgetOutlinePage } from './BudgetOutlinePage';
import { ExportsPanel } from './ExportsPanel';
import { FinanceOverview } from './FinanceOverview';
import { ProgrammeFinance } from './ProgrammeFinance';
import { ProjectFinance } from './ProjectFinance';

export const FinanceRoutes = () => (
  <Routes>
    <Route index element={<FinanceOverview />} />
    <Route path="projects/:documentId" element={<ProjectFinance />} />
    <Route path="projects/:documentId/budget-outline" element={<BudgetOutlinePage level="projects" />} />
    <Route path="programmes/:documentId" element={<ProgrammeFinance />} />
    <Route path="programmes/:documentId/budget-outline" element={<BudgetOutlinePage level="programmes" />} />
    <Route path="exports" element={<ExportsPanel />} />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);
