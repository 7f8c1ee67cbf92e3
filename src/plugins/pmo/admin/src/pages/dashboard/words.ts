/** The dashboard's words: RAG, index buckets, trends and counts, in PMO Hub's English. */
import type { RagCount } from '../../api/dashboard';
import type { Translate } from '../../utils/useTranslate';

export const ragWords = (t: Translate, rag: RagCount) =>
  ({
    red: t('dashboard.rag.red', 'Red'),
    amber: t('dashboard.rag.amber', 'Amber'),
    green: t('dashboard.rag.green', 'Green'),
    none: t('dashboard.rag.none', 'No status report'),
  })[rag];

export const RAG_COLOURS: Record<RagCount, string> = { red: '#D02B20', amber: '#D9822F', green: '#328048', none: '#8E8EA9' };

export const bucketWords = (t: Translate, key: string) =>
  ({
    'below-0.90': t('dashboard.bucket.below', 'Below 0.90'),
    '0.90-0.95': t('dashboard.bucket.watch', '0.90 to 0.95'),
    '0.95-1.05': t('dashboard.bucket.onPlan', '0.95 to 1.05'),
    'from-1.05': t('dashboard.bucket.above', '1.05 or above'),
    none: t('dashboard.bucket.none', 'Nothing to compare yet'),
  })[key] ?? key;

/** A bucket's colour: finance's bands (red below 0.9, amber to 1, green from 1; grey for none). */
export const BUCKET_COLOURS: Record<string, string> = {
  'below-0.90': '#D02B20',
  '0.90-0.95': '#D9822F',
  '0.95-1.05': '#328048',
  'from-1.05': '#2F6846',
  none: '#8E8EA9',
};

/** "2 more than on 10 Feb 2026", "1 fewer than on …", "Same as on …". */
export const trendWords = (t: Translate, change: number, date: string) =>
  change > 0
    ? t('dashboard.trend.up', '{count} more than on {date}', { count: change, date })
    : change < 0
      ? t('dashboard.trend.down', '{count} fewer than on {date}', { count: -change, date })
      : t('dashboard.trend.same', 'Same as on {date}', { date });

export const projectsWords = (t: Translate, count: number) =>
  t('dashboard.projects', '{count, plural, one {# project} other {# projects}}', { count });

/** An index as the finance pages show it: two decimals, a dash when there is nothing to compare. */
export const indexText = (value: number | null | undefined) => (value === null || value === undefined ? '—' : value.toFixed(2));

export const cadenceWords = (t: Translate, cadence: string) =>
  ({
    weekly: t('dashboard.cadence.weekly', 'weekly'),
    fortnightly: t('dashboard.cadence.fortnightly', 'fortnightly'),
    monthly: t('dashboard.cadence.monthly', 'monthly'),
  })[cadence] ?? cadence;
