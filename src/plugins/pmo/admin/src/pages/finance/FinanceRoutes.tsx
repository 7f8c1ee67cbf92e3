/**
 * /plugins/pmo/finance: the earned-value overview, a project's or programme's S-curve, their
 * budget outlines, and the exports. Each page asks for the permission its routes need, so a role
 * without it gets Strapi's no-permissions page rather than a page of refusals.
 */
import type { ReactNode } from 'react';
import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';

import { EXPORTS_PERMISSIONS, FINANCE_PERMISSIONS } from '../../api/finance';
import { BudgetOutlinePage } from './BudgetOutlinePage';
import { ExportsPanel } from './ExportsPanel';
import { FinanceOverview } from './FinanceOverview';
import { ProgrammeFinance } from './ProgrammeFinance';
import { ProjectFinance } from './ProjectFinance';

const Read = ({ children }: { children: ReactNode }) => <Page.Protect permissions={FINANCE_PERMISSIONS}>{children}</Page.Protect>;

export const FinanceRoutes = () => (
  <Routes>
    <Route index element={<Read><FinanceOverview /></Read>} />
    <Route path="projects/:documentId" element={<Read><ProjectFinance /></Read>} />
    <Route path="projects/:documentId/budget-outline" element={<Read><BudgetOutlinePage level="projects" /></Read>} />
    <Route path="programmes/:documentId" element={<Read><ProgrammeFinance /></Read>} />
    <Route path="programmes/:documentId/budget-outline" element={<Read><BudgetOutlinePage level="programmes" /></Read>} />
    <Route path="exports" element={<Page.Protect permissions={EXPORTS_PERMISSIONS}><ExportsPanel /></Page.Protect>} />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);
