import * as React from 'react';

import { Box, Typography } from '@strapi/design-system';

/** A quiet label in sentence case (the design system's Badge shouts in capitals). */
export const Chip = ({ children, ...rest }: { children: React.ReactNode; 'data-testid'?: string; 'data-competency'?: string }) => (
  <Box
    tag="span"
    background="neutral150"
    paddingLeft={2}
    paddingRight={2}
    paddingTop={1}
    paddingBottom={1}
    hasRadius
    style={{ display: 'inline-block' }}
    {...rest}
  >
    <Typography variant="pi" textColor="neutral800">
      {children}
    </Typography>
  </Box>
);
