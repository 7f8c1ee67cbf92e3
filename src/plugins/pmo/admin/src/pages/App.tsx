import { Page } from '@strapi/strapi/admin';
import { Navigate, Route, Routes } from 'react-router-dom';

import { RequirePage } from '../components/access';
import { ChangeRequestRoutes } from './change-requests/ChangeRequestRoutes';
import { ComplianceRoutes } from './compliance/ComplianceRoutes';
import { FinanceRoutes } from './finance/FinanceRoutes';
import { GovernanceRoutes } from './governance/GovernanceRoutes';
import { HomePage } from './home/HomePage';
import { MentoringRoutes } from './mentoring/MentoringRoutes';
import { MyWorkPage } from './notifications/MyWorkPage';
import { PreferencesPage } from './notifications/PreferencesPage';

/**
 * PMO Hub's pages, each behind the action its routes require: a role without it reads, in PMO
 * Hub's words, that the page is not part of their role, with the way back home (never a dead end).
 * PMO Hub opens on My work; the home page (every page the role may use) is a link away.
 */
const App = () => (
  <Routes>
    <Route index element={<Navigate to="my-work" replace />} />
    <Route path="home" element={<HomePage />} />
    <Route path="my-work" element={<RequirePage page="my-work"><MyWorkPage /></RequirePage>} />
    <Route path="my-notifications" element={<RequirePage page="my-notifications"><PreferencesPage /></RequirePage>} />
    <Route path="mentoring/*" element={<RequirePage page="mentoring"><MentoringRoutes /></RequirePage>} />
    <Route path="finance/*" element={<RequirePage page="finance"><FinanceRoutes /></RequirePage>} />
    <Route path="governance/*" element={<RequirePage page="governance"><GovernanceRoutes /></RequirePage>} />
    <Route path="compliance/*" element={<RequirePage page="compliance"><ComplianceRoutes /></RequirePage>} />
    <Route path="change-requests/*" element={<RequirePage page="change-requests"><ChangeRequestRoutes /></RequirePage>} />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);

export default App;
