/** How every PMO Hub page reads today and shows `YYYY-MM-DD` dates. */
import * as React from 'react';

import { formatDay, formatMoment, formatMonth } from '../../../shared/calendar';

/** Today as YYYY-MM-DD, the way the server writes dates (UTC). */
export const todayIso = () => new Date().toISOString().slice(0, 10);

/**
 * `YYYY-MM-DD` dates shown as "12 Mar 2025", PMO Hub's one date format (shared/calendar.ts), the
 * same whatever the browser's locale. (A hook for the pages that already call it this way.)
 */
export function useFormatDay() {
  return React.useCallback((day: string | null | undefined, _style: 'medium' | 'short' = 'medium') => formatDay(day), []);
}

/** Days, months and moments in the one format (shared/calendar.ts), for the pages. */
export { formatDay, formatMoment, formatMonth };
