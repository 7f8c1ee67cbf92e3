/**
 * One filter of a page's filter bar that names a person, project, programme or portfolio: found as
 * the user types (SearchPicker, `GET /pmo/search`), never a list of them all, since a large PMO has
 * thousands. The URL keeps the documentId; the chosen item is read once to show its name.
 */
import { Box } from '@strapi/design-system';

import { usePickedById, type SearchType } from '../api/search';
import { SearchPicker } from './SearchPicker';

type SearchFilterProps = {
  type: SearchType;
  name: string;
  label: string;
  /** Shown while nothing is chosen: the no-filter words ("All programmes"). */
  placeholder: string;
  value: string | undefined;
  /** The chosen documentId, or undefined once cleared. */
  onChange: (value: string | undefined) => void;
  width?: string;
  'data-testid'?: string;
};

export const SearchFilter = ({ type, name, label, placeholder, value, onChange, width = '240px', ...rest }: SearchFilterProps) => {
  const named = usePickedById(type, value);
  return (
    <Box width={width} data-testid={rest['data-testid']}>
      <SearchPicker
        type={type}
        name={name}
        label={label}
        placeholder={placeholder}
        value={value && named.data ? named.data : null}
        onChange={(picked) => onChange(picked?.documentId)}
      />
    </Box>
  );
};
