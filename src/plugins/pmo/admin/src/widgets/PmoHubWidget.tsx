/** The PMO Hub widget on Strapi's home page: the PMO pages the user's role may use, each with a few words. */
import { Flex, Grid, Link, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';

import { useAllowedPages } from '../components/access';

export const PmoHubWidget = ({ columnWidth = 6 }: { columnWidth?: number }) => {
  const { formatMessage } = useIntl();
  const pages = useAllowedPages();
  // Two columns when the widget is half the page or wider, so every link shows without scrolling.
  const col = columnWidth >= 6 ? 6 : 12;
  return (
    <Grid.Root gap={4} tag="ul" data-testid="pmo-hub-widget">
      {pages.map((page) => (
        <Grid.Item key={page.key} col={col} s={12} tag="li">
          <Flex direction="column" alignItems="flex-start" gap={1}>
            <Link tag={NavLink} to={page.path} data-testid={`pmo-widget-${page.key}`}>
              {formatMessage(page.title)}
            </Link>
            <Typography variant="pi" textColor="neutral600">
              {formatMessage(page.summary)}
            </Typography>
          </Flex>
        </Grid.Item>
      ))}
    </Grid.Root>
  );
};
