/** The PMO Hub widget on Strapi's home page: the PMO pages the user's role may use, each in a line. */
import { Flex, Link, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';

import { useAllowedPages } from '../components/access';

export const PmoHubWidget = () => {
  const { formatMessage } = useIntl();
  const pages = useAllowedPages();
  return (
    <Flex direction="column" alignItems="stretch" gap={3} tag="ul" data-testid="pmo-hub-widget">
      {pages.map((page) => (
        <Flex key={page.key} tag="li" direction="column" alignItems="flex-start" gap={1}>
          <Link tag={NavLink} to={page.path} data-testid={`pmo-widget-${page.key}`}>
            {formatMessage(page.title)}
          </Link>
          <Typography variant="pi" textColor="neutral600">
            {formatMessage(page.text)}
          </Typography>
        </Flex>
      ))}
    </Flex>
  );
};
