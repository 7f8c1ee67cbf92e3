import { Box, Flex, Typography } from '@strapi/design-system';

import { stateColor, tint } from '../utils/colors';

type StateBadgeProps = {
  name: string;
  color?: string | null;
  /** Shown after the name, e.g. an item count. */
  suffix?: string;
  size?: 'S' | 'M';
  'data-testid'?: string;
  title?: string;
};

/** A workflow state as people see it everywhere: a dot in the state's colour and its name. */
export const StateBadge = ({ name, color, suffix, size = 'S', title, ...rest }: StateBadgeProps) => {
  const solid = stateColor(color);
  return (
    <Flex
      tag="span"
      display="inline-flex"
      alignItems="center"
      gap={1}
      paddingLeft={2}
      paddingRight={2}
      paddingTop={size === 'M' ? 1 : 0}
      paddingBottom={size === 'M' ? 1 : 0}
      hasRadius
      style={{ background: tint(solid), border: `1px solid ${solid}`, maxWidth: '100%' }}
      data-state-color={solid}
      title={title}
      data-testid={rest['data-testid']}
    >
      <Box
        tag="span"
        style={{ width: 8, height: 8, borderRadius: '50%', background: solid, flexShrink: 0 }}
        aria-hidden
      />
      <Typography
        variant={size === 'M' ? 'omega' : 'pi'}
        fontWeight="bold"
        textColor="neutral800"
        ellipsis
      >
        {name}
      </Typography>
      {suffix ? (
        <Typography variant="pi" textColor="neutral600">
          {suffix}
        </Typography>
      ) : null}
    </Flex>
  );
};
