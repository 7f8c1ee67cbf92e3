/** Settings → PMO Hub → Notifications (/admin/settings/pmo/notifications): the email templates and their editor. */
import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';

import { RequirePage } from '../../components/access';
import { TemplateEditorPage } from './TemplateEditorPage';
import { TemplateListPage } from './TemplateListPage';

const NotificationSettings = () => (
  <RequirePage page="notifications">
    <Routes>
      <Route index element={<TemplateListPage />} />
      <Route path=":key" element={<TemplateEditorPage />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </RequirePage>
);

export default NotificationSettings;
