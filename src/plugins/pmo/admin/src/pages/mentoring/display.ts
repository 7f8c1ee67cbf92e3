/** How the Mentoring pages show dates, durations, people and competencies. */
import type { PersonRef, RelationshipStatus } from '../../api/mentoring';

export { todayIso, useFormatDay } from '../../utils/dates';

/** Minutes as "1 h 15 min", "45 min", "2 h". */
export function duration(minutes: number) {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

export const personName = (person: PersonRef | null | undefined) => person?.fullName ?? '—';

/** Badge variants of the design system per relationship status. */
export const STATUS_BADGE: Record<RelationshipStatus, 'success' | 'warning' | 'neutral'> = {
  active: 'success',
  paused: 'warning',
  completed: 'neutral',
};

/**
 * One colour per competency, told apart on a white chart (Okabe–Ito plus two), in the order the
 * series come: focus competencies first, in framework order.
 */
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#7B3294', '#8C6D31', '#4D4D4D', '#C51B7D'];

export const seriesColor = (index: number) => PALETTE[index % PALETTE.length];
