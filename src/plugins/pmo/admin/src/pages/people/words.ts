/** The heat map's words and colours for a month: free, full or over (colour and words, for accessibility). */
import type { CapacityMonth } from '../../../../shared/contracts/capacity';

export type Load = 'free' | 'full' | 'over';

export const loadOf = (month: Pick<CapacityMonth, 'free' | 'over'>): Load => (month.over ? 'over' : month.free > 0 ? 'free' : 'full');

export const LOAD_COLOURS: Record<Load, { background: string; text: string }> = {
  free: { background: '#EAFBE7', text: '#2F6846' },
  full: { background: '#FDF4DC', text: '#BE5D01' },
  over: { background: '#FCECEA', text: '#B72B1A' },
};

export const percent = (value: number) => `${Number(value.toFixed(2))} %`;
