/**
 * The dashboard's widgets on Strapi's home page, from GET /pmo/dashboard over everything the user
 * may read as of today: "Portfolio health" (RAG counts, each a link to its projects on the
 * governance board, and CPI/SPI for a role that reads finance) and "Upcoming gate reviews" (the
 * next 30 days, each one click from its review).
 */
import { Flex, Grid, Link, Loader, Typography } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';

import { links, useDashboard, UPCOMING_REVIEW_DAYS, type RagCount } from '../api/dashboard';
import { formatDay } from '../utils/dates';
import { useTranslate, type Translate } from '../utils/useTranslate';
import { RAG_COLOURS, indexText, projectsWords, ragWords } from '../pages/dashboard/words';

const SHOWN = 5;

const Failed = ({ t, testId }: { t: Translate; testId: string }) => (
  <Typography variant="omega" textColor="neutral600" data-testid={testId}>
    {t('widget.dashboard.error', 'The dashboard could not be loaded just now.')}
  </Typography>
);

export const PortfolioHealthWidget = () => {
  const t = useTranslate();
  const dashboard = useDashboard({});
  if (dashboard.isLoading) return <Loader small>{t('widget.health.loading', 'Loading the portfolio’s health')}</Loader>;
  if (!dashboard.data) return <Failed t={t} testId="pmo-health-widget" />;
  const { rag, evm, scope } = dashboard.data;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="pmo-health-widget">
      <Typography variant="omega" textColor="neutral600">
        {t('widget.health.scope', '{projects} you may see, as of today', { projects: projectsWords(t, scope.projects) })}
      </Typography>
      {rag ? (
        <Grid.Root gap={2} tag="ul">
          {(['red', 'amber', 'green', 'none'] as RagCount[]).map((key) => (
            <Grid.Item key={key} col={3} s={6} tag="li">
              <Flex direction="column" alignItems="flex-start" style={{ borderLeft: `4px solid ${RAG_COLOURS[key]}`, paddingLeft: 8 }} data-testid={`pmo-health-${key}`}>
                <Link tag={NavLink} to={links.rag({}, key)} aria-label={`${ragWords(t, key)}: ${projectsWords(t, rag[key])}`}>
                  <Typography variant="beta" tag="span">
                    {rag[key]}
                  </Typography>
                </Link>
                <Typography variant="pi" textColor="neutral600">
                  {ragWords(t, key)}
                </Typography>
              </Flex>
            </Grid.Item>
          ))}
        </Grid.Root>
      ) : null}
      {evm ? (
        <Typography variant="omega" data-testid="pmo-health-indices">
          {t('widget.health.indices', 'CPI {cpi} · SPI {spi}', { cpi: indexText(evm.cpi), spi: indexText(evm.spi) })}
        </Typography>
      ) : null}
    </Flex>
  );
};

export const UpcomingReviewsWidget = () => {
  const t = useTranslate();
  const dashboard = useDashboard({});
  if (dashboard.isLoading) return <Loader small>{t('widget.reviews.loading', 'Loading the gate reviews')}</Loader>;
  if (!dashboard.data) return <Failed t={t} testId="pmo-reviews-widget" />;
  const reviews = dashboard.data.upcomingGateReviews ?? [];
  // The answer lists the soonest ones; the count is over all of them.
  const total = dashboard.data.totals.upcomingGateReviews ?? reviews.length;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="pmo-reviews-widget">
      <Typography variant="omega" fontWeight="bold" data-testid="pmo-reviews-widget-count">
        {t('widget.reviews.count', '{count, plural, =0 {No gate review} one {# gate review} other {# gate reviews}} in the next {days} days', {
          count: total,
          days: UPCOMING_REVIEW_DAYS,
        })}
      </Typography>
      {reviews.length ? (
        <Flex direction="column" alignItems="stretch" gap={2} tag="ul">
          {reviews.slice(0, SHOWN).map((review) => (
            <Flex key={review.documentId} tag="li" direction="column" alignItems="flex-start">
              <Link tag={NavLink} to={links.review(review.documentId)}>
                {review.title}
              </Link>
              <Typography variant="pi" textColor="neutral600">
                {formatDay(review.scheduledDate)}
              </Typography>
            </Flex>
          ))}
        </Flex>
      ) : null}
    </Flex>
  );
};
