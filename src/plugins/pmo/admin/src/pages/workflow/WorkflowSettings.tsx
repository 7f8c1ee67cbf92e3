/** Settings → PMO Hub → Workflows (/admin/settings/pmo/workflows): the list and the editor. */
import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';

import { WORKFLOWS_READ } from '../../../../shared/contracts/workflow';
import { WorkflowEditorPage } from './editor/WorkflowEditorPage';
import { WorkflowListPage } from './list/WorkflowListPage';

const READ = [{ action: WORKFLOWS_READ, subject: null }];

const WorkflowSettings = () => (
  <Page.Protect permissions={READ}>
    <Routes>
      <Route index element={<WorkflowListPage />} />
      {/* "new" before ":key": a workflow keyed "new" would be shadowed, so keys avoid it. */}
      <Route path="new" element={<WorkflowEditorPage />} />
      <Route path=":key" element={<WorkflowEditorPage />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </Page.Protect>
);

export default WorkflowSettings;
