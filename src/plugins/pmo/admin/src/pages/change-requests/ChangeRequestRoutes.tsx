/** /plugins/pmo/change-requests: the list, raising a change, and one change request. */
import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';

import { ChangeRequestListPage } from './ChangeRequestListPage';
import { ChangeRequestPage } from './ChangeRequestPage';
import { RaiseChangePage } from './RaiseChangePage';

export const ChangeRequestRoutes = () => (
  <Routes>
    <Route index element={<ChangeRequestListPage />} />
    <Route path="new" element={<RaiseChangePage />} />
    <Route path=":documentId" element={<ChangeRequestPage />} />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);
