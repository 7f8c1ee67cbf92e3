/** /plugins/pmo/compliance: the matrix, recording an assessment, and one assessment. */
import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';

import { AssessmentPage } from './AssessmentPage';
import { ComplianceMatrix } from './ComplianceMatrix';
import { RecordAssessment } from './RecordAssessment';

export const ComplianceRoutes = () => (
  <Routes>
    <Route index element={<ComplianceMatrix />} />
    <Route path="record" element={<RecordAssessment />} />
    <Route path="assessments/:documentId" element={<AssessmentPage />} />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);
