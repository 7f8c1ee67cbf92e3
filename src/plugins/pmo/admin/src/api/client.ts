/** One typed client over Strapi's fetch client for the plugin's admin routes (/pmo/...). */
import { useFetchClient } from '@strapi/strapi/admin';
import { useQuery } from 'react-query';

export type PmoSettings = { currency: string };

export function usePmoSettings() {
  const { get } = useFetchClient();
  return useQuery(['pmo', 'settings'], async () => {
    const { data } = await get<PmoSettings>('/pmo/settings');
    return data;
  }, { staleTime: Infinity });
}
