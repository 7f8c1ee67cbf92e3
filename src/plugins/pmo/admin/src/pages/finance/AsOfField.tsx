/** The "As of" date the finance pages compute their figures at. */
import { Box } from '@strapi/design-system';

import { DateField } from '../../components/fields';
import { useTranslate } from '../../utils/useTranslate';

export const AsOfField = ({ value, onChange }: { value: string; onChange: (asOf: string) => void }) => {
  const t = useTranslate();
  return (
    <Box width="200px">
      <DateField name="asOf" label={t('finance.asOf', 'As of')} value={value} onChange={onChange} />
    </Box>
  );
};
