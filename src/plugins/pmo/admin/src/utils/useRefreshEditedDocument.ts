import * as React from 'react';

import { unstable_useDocument as useDocument, useQueryParams } from '@strapi/strapi/admin';
import { useParams } from 'react-router-dom';

/**
 * Reloads the document the edit view shows: the same query the Content Manager's `useDoc`
 * makes (same model, id and params), so refetching it refreshes the form.
 */
export function useRefreshEditedDocument(model: string, collectionType: string) {
  const { id, origin } = useParams<{ id?: string; origin?: string }>();
  const [{ query }] = useQueryParams<Record<string, unknown>>();
  const params = React.useMemo(() => validParams(query), [query]);
  const skip = id === 'create' || (!origin && !id && collectionType !== 'single-types');
  const { refetch } = useDocument(
    { documentId: origin || id, model, collectionType, params },
    { skip }
  );
  return React.useCallback(() => {
    if (skip) return;
    try {
      refetch();
    } catch {
      // Nothing to refresh (the query never started).
    }
  }, [refetch, skip]);
}

/** The Content Manager's `buildValidParams`: plugin options (`plugins[i18n][locale]`) flattened. */
function validParams(query: Record<string, unknown> | undefined) {
  if (!query) return query;
  const { plugins, ...rest } = query as { plugins?: Record<string, unknown> };
  const flattened = Object.values(plugins ?? {}).reduce<Record<string, unknown>>(
    (acc, options) =>
      typeof options === 'object' && options !== null ? Object.assign(acc, options) : acc,
    {}
  );
  return { ...rest, ...flattened };
}
