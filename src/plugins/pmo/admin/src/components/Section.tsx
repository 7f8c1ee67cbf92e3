import * as React from 'react';

import { Box, Flex, Typography } from '@strapi/design-system';

/** A white panel with a heading, the way the Mentoring pages group things. */
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
}) => (
  <Box
    tag="section"
    background="neutral0"
    padding={6}
    shadow="tableShadow"
    hasRadius
    width="100%"
    data-testid={rest['data-testid']}
  >
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex justifyContent="space-between" alignItems="center" gap={2} wrap="wrap">
        <Typography variant="delta" tag="h2">
          {title}
        </Typography>
        {action}
      </Flex>
      {children}
    </Flex>
  </Box>
);
