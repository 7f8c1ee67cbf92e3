/** The "As of" date the finance pages compute their figures at. */
import { Box, Field, TextInput } from '@strapi/design-system';

import { useTranslate } from '../../utils/useTranslate';

export const AsOfField = ({ value, onChange }: { value: string; onChange: (asOf: string) => void }) => {
  const t = useTranslate();
  return (
    <Box width="200px">
      <Field.Root name="asOf">
        <Field.Label>{t('finance.asOf', 'As of')}</Field.Label>
        <TextInput type="date" value={value} onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(e.target.value)} />
      </Field.Root>
    </Box>
  );
};
