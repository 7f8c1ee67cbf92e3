/**
 * Earned schedule beside the earned-value summary (DESIGN.md, "People and planning"; the figures
 * come with the project's or programme's earned value): ES, AT, SPI(t), SV(t) and IEAC(t), in
 * months and days. The financial-summary CSV keeps its documented columns; this is where ES shows.
 */
import { Flex, Typography } from '@strapi/design-system';

import type { EarnedSchedule } from '../../../../shared/contracts/finance';
import { formatDay } from '../../utils/dates';
import { useTranslate } from '../../utils/useTranslate';
import { IndexBadge } from './display';
import { Term } from './EvmTable';
import { monthsWords } from './words';

export const EarnedSchedulePanel = ({ figures }: { figures: EarnedSchedule | undefined }) => {
  const t = useTranslate();
  if (!figures) return null;
  if (figures.es === null) {
    return (
      <Typography textColor="neutral600" data-testid="finance-earned-schedule">
        {t('finance.schedule.none', 'Earned schedule: nothing planned or nothing earned yet as of this date.')}
      </Typography>
    );
  }
  return (
    <Flex gap={6} wrap="wrap" data-testid="finance-earned-schedule">
      <Typography fontWeight="bold">{t('finance.schedule.title', 'Earned schedule')}</Typography>
      <Typography><Term term="ES" />: {monthsWords(figures.es)}</Typography>
      <Typography><Term term="AT" />: {monthsWords(figures.at)}</Typography>
      <Flex gap={2}>
        <Typography><Term term="SPI(t)" />:</Typography>
        <IndexBadge value={figures.spiT} label="SPI(t)" />
      </Flex>
      <Typography><Term term="SV(t)" />: {monthsWords(figures.svT, true)}</Typography>
      <Typography><Term term="IEAC(t)" />: {figures.ieacT ? formatDay(figures.ieacT) : 'n/a'}</Typography>
    </Flex>
  );
};
