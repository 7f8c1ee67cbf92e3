/**
 * Strapi's Pagination under a paged list (`?page=&pageSize=` in the URL, which the list's query
 * reads): shown only when there is more than one page, or the URL asks for a later page.
 */
import { Pagination } from '@strapi/strapi/admin';

import type { Pagination as Paging } from '../../../shared/contracts/common';

export const ListPagination = ({
  pagination,
  defaultPageSize = 25,
  sizes = ['25', '50', '100'],
}: {
  pagination: Paging;
  defaultPageSize?: number;
  /** The page sizes offered. */
  sizes?: string[];
}) =>
  pagination.total > pagination.pageSize || pagination.page > 1 ? (
    <Pagination.Root pageCount={Math.max(1, Math.ceil(pagination.total / pagination.pageSize))} total={pagination.total} defaultPageSize={defaultPageSize}>
      <Pagination.PageSize options={sizes} />
      <Pagination.Links />
    </Pagination.Root>
  ) : null;
