import { Flex } from '@strapi/design-system';
import { PriceTag } from '@strapi/icons';

export const MoneyIcon = () => (
  <Flex justifyContent="center" alignItems="center" width={7} height={6} hasRadius aria-hidden>
    <PriceTag />
  </Flex>
);
