/**
 * Filters kept in the page's URL, so a filtered view can be shared and survives a reload: the
 * chosen values of `keys` (an empty value is none) and a setter that changes some of them at once
 * (an empty value removes the key), replacing the history entry. With `resetPage`, any change that
 * does not itself set `page` goes back to the first page.
 */
import * as React from 'react';
import { useSearchParams } from 'react-router-dom';

export function useUrlFilters<K extends string>(keys: readonly K[], options: { resetPage?: boolean } = {}) {
  const [search, setSearch] = useSearchParams();
  const chosen = Object.fromEntries(keys.map((key) => [key, search.get(key) || undefined])) as Partial<Record<K, string>>;
  const { resetPage = false } = options;
  const set = React.useCallback(
    (changes: Partial<Record<K, string | undefined>>) => {
      const next = new URLSearchParams(search);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value as string);
        else next.delete(key);
      }
      if (resetPage && !('page' in changes)) next.delete('page');
      setSearch(next, { replace: true });
    },
    [search, setSearch, resetPage]
  );
  return { chosen, search, set };
}
