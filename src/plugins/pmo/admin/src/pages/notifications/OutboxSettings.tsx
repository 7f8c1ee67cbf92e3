/** Settings → PMO Hub → Outbox (/admin/settings/pmo/outbox): the messages and the scheduled jobs. */
import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';

import { RequirePage } from '../../components/access';
import { OutboxPage } from './OutboxPage';

const OutboxSettings = () => (
  <RequirePage page="outbox">
    <Routes>
      <Route index element={<OutboxPage />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </RequirePage>
);

export default OutboxSettings;
