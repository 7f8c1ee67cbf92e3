import { Page } from '@strapi/strapi/admin';
import { Navigate, Route, Routes } from 'react-router-dom';

import { RequirePage, useCan } from '../components/access';
import { DASHBOARD_READ } from '../../../shared/contracts/dashboard';
import { ChangeRequestRoutes } from './change-requests/ChangeRequestRoutes';
import { ComplianceRoutes } from './compliance/ComplianceRoutes';
import { DashboardPage } from './dashboard/DashboardPage';
import { FinanceRoutes } from './finance/FinanceRoutes';
import { GovernanceRoutes } from './governance/GovernanceRoutes';
import { HomePage } from './home/HomePage';
import { MentoringRoutes } from './mentoring/MentoringRoutes';
import { MyWorkPage } from './notifications/MyWorkPage';
import { PreferencesPage } from './notifications/PreferencesPage';
import { RoadmapPage } from './milestones/RoadmapPage';
import { SlipTrendPage } from './milestones/SlipTrendPage';
import { CapacityPage, PersonPage, ReadCapacity } from './people/PeopleRoutes';
import { RaidPage } from './raid/RaidPage';

/**
 * PMO Hub's pages, each behind the action its routes require: a role without it reads, in PMO
 * Hub's words, that the page is not part of their role, with the way back home (never a dead end).
 * PMO Hub opens on the portfolio dashboard (My work beside it) for roles that may see it, on My
 * work for the others; the home page (every page the role may use) is a link away.
 */
const Landing = () => {
  const can = useCan();
  return <Navigate to={can(DASHBOARD_READ) ? 'dashboard' : 'my-work'} replace />;
};

const App = () => (
  <Routes>
    <Route index element={<Landing />} />
    <Route path="home" element={<HomePage />} />
    <Route path="dashboard" element={<RequirePage page="dashboard"><DashboardPage /></RequirePage>} />
    <Route path="raid" element={<RequirePage page="raid"><RaidPage /></RequirePage>} />
    <Route path="my-work" element={<RequirePage page="my-work"><MyWorkPage /></RequirePage>} />
    <Route path="my-notifications" element={<RequirePage page="my-notifications"><PreferencesPage /></RequirePage>} />
    <Route path="mentoring/*" element={<RequirePage page="mentoring"><MentoringRoutes /></RequirePage>} />
    <Route path="finance/*" element={<RequirePage page="finance"><FinanceRoutes /></RequirePage>} />
    <Route path="governance/*" element={<RequirePage page="governance"><GovernanceRoutes /></RequirePage>} />
    <Route path="compliance/*" element={<RequirePage page="compliance"><ComplianceRoutes /></RequirePage>} />
    <Route path="change-requests/*" element={<RequirePage page="change-requests"><ChangeRequestRoutes /></RequirePage>} />
    <Route path="roadmap" element={<RequirePage page="roadmap"><RoadmapPage /></RequirePage>} />
    <Route path="milestones/projects/:documentId" element={<RequirePage page="roadmap"><SlipTrendPage /></RequirePage>} />
    <Route path="capacity" element={<RequirePage page="capacity"><ReadCapacity><CapacityPage /></ReadCapacity></RequirePage>} />
    <Route path="people/:documentId" element={<RequirePage page="capacity"><ReadCapacity><PersonPage /></ReadCapacity></RequirePage>} />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);

export default App;
