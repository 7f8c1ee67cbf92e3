/** How every PMO Hub page reads today and shows `YYYY-MM-DD` dates. */
import * as React from 'react';
import { useIntl } from 'react-intl';

/** Today as YYYY-MM-DD, the way the server writes dates (UTC). */
export const todayIso = () => new Date().toISOString().slice(0, 10);

/** `YYYY-MM-DD` dates shown as "12 Mar 2025"; read as UTC so no time zone moves them a day. */
export function useFormatDay() {
  const { formatDate } = useIntl();
  return React.useCallback(
    (day: string | null | undefined, style: 'medium' | 'short' = 'medium') =>
      day ? formatDate(`${day}T00:00:00Z`, { dateStyle: style, timeZone: 'UTC' }) : '—',
    [formatDate]
  );
}
