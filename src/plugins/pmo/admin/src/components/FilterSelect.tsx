/**
 * One filter of a page's filter bar: a labelled select whose first choice is "all" (no filter),
 * used by the governance board, the compliance matrix and finance. Choosing "all" clears the filter.
 */
import { Box, Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';

/** The value the "all" choice stands for: never a real documentId or key. */
export const ALL = '__all__';

export type FilterOption = { value: string; label: string };

type FilterSelectProps = {
  name: string;
  label: string;
  value: string | undefined;
  /** The no-filter choice's words ("All programmes"); without it, a choice is required. */
  allLabel?: string;
  /** Shown while nothing is chosen and there is no "all" choice. */
  placeholder?: string;
  options: FilterOption[];
  /** The chosen value, or undefined for "all". */
  onChange: (value: string | undefined) => void;
  width?: string;
  'data-testid'?: string;
};

export const FilterSelect = ({
  name,
  label,
  value,
  allLabel,
  placeholder,
  options,
  onChange,
  width = '240px',
  ...rest
}: FilterSelectProps) => (
  <Box width={width}>
    <Field.Root name={name}>
      <Field.Label>{label}</Field.Label>
      <SingleSelect
        value={value ?? (allLabel ? ALL : '')}
        placeholder={placeholder}
        onChange={(chosen: string | number) => onChange(String(chosen) === ALL ? undefined : String(chosen))}
        data-testid={rest['data-testid']}
      >
        {allLabel ? <SingleSelectOption value={ALL}>{allLabel}</SingleSelectOption> : null}
        {options.map((option) => (
          <SingleSelectOption key={option.value} value={option.value}>
            {option.label}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Field.Root>
  </Box>
);

/** Named rows (portfolios, programmes) as filter options. */
export const byName = (rows: Array<{ documentId: string; name: string }> | undefined): FilterOption[] =>
  (rows ?? []).map((row) => ({ value: row.documentId, label: row.name }));
