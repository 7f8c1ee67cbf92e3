import { Box, Typography } from '@strapi/design-system';

/** A red "Overdue" mark beside an item (My work, its widget): dark red text on a light red ground. */
export const OverdueBadge = ({ label }: { label: string }) => (
  <Box
    tag="span"
    display="inline-block"
    background="danger100"
    borderColor="danger600"
    borderStyle="solid"
    borderWidth="1px"
    hasRadius
    paddingLeft={2}
    paddingRight={2}
    data-testid="pmo-overdue"
  >
    <Typography variant="pi" fontWeight="bold" textColor="danger700">
      {label}
    </Typography>
  </Box>
);
