/** /plugins/pmo/finance: the earned-value overview, a project's S-curve, and the exports. */
import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';

import { ExportsPanel } from './ExportsPanel';
import { FinanceOverview } from './FinanceOverview';
import { ProjectFinance } from './ProjectFinance';

export const FinanceRoutes = () => (
  <Routes>
    <Route index element={<FinanceOverview />} />
    <Route path="projects/:documentId" element={<ProjectFinance />} />
    <Route path="exports" element={<ExportsPanel />} />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);
