import * as React from 'react';

import { Box, Flex, Typography } from '@strapi/design-system';

/** A white panel with a heading, named by it (a region a screen reader can jump to). */
export const Section = ({
  title,
  action,
  children,
  ...rest
}: {
  title: string;
  action?: React.ReactNode;
  children: React.ReactNode;
  'data-testid'?: string;
}) => {
  const headingId = React.useId();
  return (
    <Box
      tag="section"
      aria-labelledby={headingId}
      background="neutral0"
      padding={6}
      shadow="tableShadow"
      hasRadius
      width="100%"
      data-testid={rest['data-testid']}
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex justifyContent="space-between" alignItems="center" gap={2} wrap="wrap">
          <Typography variant="delta" tag="h2" id={headingId}>
            {title}
          </Typography>
          {action}
        </Flex>
        {children}
      </Flex>
    </Box>
  );
};
