/**
 * The first rows of an export as a person reads them: headers in words, money with its currency,
 * days and months written out. The table scrolls sideways inside its own labelled region.
 */
import { Flex, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';

import { usePmoSettings } from '../../api/client';
import { ScrollTable, alignRight } from './ScrollTable';
import { COLUMN_WORDS, columnLabel, previewCell } from './words';

/** Columns of figures, right-aligned so their digits line up. */
const isFigure = (column: string | undefined) => ['money', 'index', 'days'].includes(COLUMN_WORDS[column ?? '']?.format ?? '');

type ExportPreviewProps = {
  /** The file's rows, its header row first (the CSV column keys). */
  rows: string[][];
  /** "Financial summary", to name the region. */
  title: string;
};

export const ExportPreview = ({ rows: [header, ...rows], title }: ExportPreviewProps) => {
  const settings = usePmoSettings();
  const currencyColumn = header.indexOf('currency');
  const currencyOf = (row: string[]) => (currencyColumn >= 0 && row[currencyColumn]) || settings.data?.currency;
  // Without a currency column the amounts take the organisation's currency: wait for it, so an
  // amount is never shown without one.
  if (currencyColumn < 0 && !settings.data) return null;
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <ScrollTable label={`Preview: ${title}`} colCount={header.length} rowCount={rows.length + 1} stickyFirst data-testid="finance-export-preview">
        <Thead>
          <Tr>
            {header.map((column, i) => (
              <Th key={i}>
                <Typography variant="sigma" style={isFigure(column) ? alignRight : undefined}>
                  {columnLabel(column)}
                </Typography>
              </Th>
            ))}
          </Tr>
        </Thead>
        <Tbody>
          {rows.map((row, r) => (
            <Tr key={r}>
              {row.map((cell, i) => (
                <Td key={i}>
                  <Typography variant="omega" style={{ fontVariantNumeric: 'tabular-nums', ...(isFigure(header[i]) ? alignRight : {}) }}>
                    {previewCell(header[i] ?? '', cell, currencyOf(row))}
                  </Typography>
                </Td>
              ))}
            </Tr>
          ))}
          {rows.length === 0 && (
            <Tr>
              <Td colSpan={header.length}>
                <Typography textColor="neutral600">No rows for these filters.</Typography>
              </Td>
            </Tr>
          )}
        </Tbody>
      </ScrollTable>
      <Typography variant="pi" textColor="neutral600">
        {rows.length === 0
          ? 'The file would hold only its header row.'
          : `The first ${rows.length === 1 ? 'row' : `${rows.length} rows`}. In the file, amounts are plain numbers without thousands separators and dates run year-month-day, ready for a spreadsheet or a finance system.`}
      </Typography>
    </Flex>
  );
};
