/** /plugins/pmo/capacity and /plugins/pmo/people/:documentId, behind the capacity read right. */
import type { ReactNode } from 'react';
import { Page } from '@strapi/strapi/admin';

import { CAPACITY_READ } from '../../api/capacity';

export { CapacityPage } from './CapacityPage';
export { PersonPage } from './PersonPage';

export const ReadCapacity = ({ children }: { children: ReactNode }) => (
  <Page.Protect permissions={[{ action: CAPACITY_READ, subject: null }]}>{children}</Page.Protect>
);
