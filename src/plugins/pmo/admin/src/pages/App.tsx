import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';

import { ChangeRequestRoutes } from './change-requests/ChangeRequestRoutes';
import { FinanceRoutes } from './finance/FinanceRoutes';
import { GovernanceRoutes } from './governance/GovernanceRoutes';
import { HomePage } from './home/HomePage';
import { MentoringRoutes } from './mentoring/MentoringRoutes';

const App = () => (
  <Routes>
    <Route index element={<HomePage />} />
    <Route path="mentoring/*" element={<MentoringRoutes />} />
    <Route path="finance/*" element={<FinanceRoutes />} />
    <Route path="governance/*" element={<GovernanceRoutes />} />
    <Route path="change-requests/*" element={<ChangeRequestRoutes />} />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);

export default App;
