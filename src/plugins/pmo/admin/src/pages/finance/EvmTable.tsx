/**
 * Earned-value rows: a programme (its projects open under it; its S-curve link opens the
 * programme's page) and its projects. The table scrolls sideways inside its own region with the
 * name column kept in view; each abbreviation's header spells it out (EVM_TERMS).
 */
import * as React from 'react';
import { Box, Flex, IconButton, Link, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { ChevronDown, ChevronRight } from '@strapi/icons';
import { NavLink } from 'react-router-dom';

import { useEvm, type EvmFigures, type ProgrammeEvmRow } from '../../api/finance';
import { IndexBadge, Money } from './display';
import { ScrollTable, alignRight } from './ScrollTable';
import { EVM_TERMS, type EvmTerm } from './words';

export const FIGURE_COLUMNS = ['BAC', 'PV', 'EV', 'AC', 'CV', 'SV', 'CPI', 'SPI', 'EAC', 'VAC'] as const satisfies readonly EvmTerm[];
export const COLUMN_COUNT = FIGURE_COLUMNS.length + 1;

/** An abbreviation with its full name, as a tooltip and for screen readers. */
export const Term = ({ term }: { term: EvmTerm }) => (
  <abbr title={EVM_TERMS[term]} style={{ textDecoration: 'underline dotted', cursor: 'help' }}>
    {term}
  </abbr>
);

export const EvmHead = ({ first }: { first: string }) => (
  <Thead>
    <Tr>
      <Th>
        <Typography variant="sigma">{first}</Typography>
      </Th>
      {FIGURE_COLUMNS.map((column) => (
        <Th key={column} data-column={column}>
          <Typography variant="sigma" style={alignRight}>
            <Term term={column} />
          </Typography>
        </Th>
      ))}
    </Tr>
  </Thead>
);

export const FigureCells = ({ f }: { f: EvmFigures }) => (
  <>
    <Td><Money value={f.bac} /></Td>
    <Td><Money value={f.pv} /></Td>
    <Td><Money value={f.ev} /></Td>
    <Td><Money value={f.ac} /></Td>
    <Td><Money value={f.cv} /></Td>
    <Td><Money value={f.sv} /></Td>
    <Td><span style={alignRight}><IndexBadge value={f.cpi} label="CPI" /></span></Td>
    <Td><span style={alignRight}><IndexBadge value={f.spi} label="SPI" /></span></Td>
    <Td><Money value={f.eac} /></Td>
    <Td><Money value={f.vac} /></Td>
  </>
);

/**
 * One programme's roll-up; open, its projects below it (the first page of them, by code), each
 * linking to the project view, and a link to the programme's page when it has more.
 */
export const ProgrammeRows = ({ programme, asOf }: { programme: ProgrammeEvmRow; asOf: string }) => {
  const [open, setOpen] = React.useState(false);
  // The programme's figures come with the portfolio's answer; its projects are asked for when opened.
  const { data, error, isLoading } = useEvm('programmes', open ? programme.documentId : undefined, asOf);
  const name = `${programme.code} · ${programme.name}`;
  return (
    <>
      <Tr data-testid={`finance-programme-${programme.code}`}>
        <Td data-name>
          <Flex gap={2} alignItems="center">
            <IconButton
              variant="ghost"
              size="S"
              withTooltip={false}
              label={open ? `Hide the projects of ${name}` : `Show the projects of ${name}`}
              aria-expanded={open}
              onClick={() => setOpen((o) => !o)}
            >
              {open ? <ChevronDown /> : <ChevronRight />}
            </IconButton>
            <Flex direction="column" alignItems="flex-start" gap={1}>
              <Typography fontWeight="semiBold">{name}</Typography>
              <Link tag={NavLink} to={`programmes/${programme.documentId}?asOf=${asOf}`} aria-label={`S-curve and budget of programme ${programme.code}`}>
                <Typography variant="pi">S-curve and budget</Typography>
              </Link>
            </Flex>
          </Flex>
        </Td>
        <FigureCells f={programme} />
      </Tr>
      {open && !data && (error || isLoading) && (
        <Tr>
          <Td colSpan={COLUMN_COUNT}>
            <Flex paddingLeft={8}>
              <Typography textColor={error ? 'danger600' : 'neutral600'}>{error ? error.message : 'Loading the projects…'}</Typography>
            </Flex>
          </Td>
        </Tr>
      )}
      {open &&
        (data?.projects ?? []).map((project) => (
          <Tr key={project.documentId} data-testid={`finance-project-${project.code}`}>
            <Td data-name>
              <Box paddingLeft={8}>
                <Link tag={NavLink} to={`projects/${project.documentId}?asOf=${asOf}`}>
                  {project.code} · {project.name}
                </Link>
              </Box>
            </Td>
            <FigureCells f={project} />
          </Tr>
        ))}
      {open && data && data.pagination.total > data.projects.length && (
        <Tr data-testid={`finance-programme-more-${programme.code}`}>
          <Td colSpan={COLUMN_COUNT}>
            <Flex paddingLeft={8}>
              <Link tag={NavLink} to={`programmes/${programme.documentId}?asOf=${asOf}`}>
                {`The first ${data.projects.length} of ${data.pagination.total} projects: all of them, page by page, on the programme's page`}
              </Link>
            </Flex>
          </Td>
        </Tr>
      )}
      {open && data && (data.projects ?? []).length === 0 && (
        <Tr>
          <Td colSpan={COLUMN_COUNT}>
            <Flex paddingLeft={8}>
              <Typography textColor="neutral600">No projects in this programme.</Typography>
            </Flex>
          </Td>
        </Tr>
      )}
    </>
  );
};

/** The abbreviations of the table's headers, spelled out once under it. */
export const EvmLegend = ({ extra }: { extra?: string }) => (
  <Typography variant="pi" textColor="neutral600" data-testid="finance-terms">
    {FIGURE_COLUMNS.map((term) => `${term}: ${EVM_TERMS[term].replace(/ \(.*\)$/, '').toLowerCase()}`).join(' · ')}
    {extra ? `. ${extra}` : '.'}
  </Typography>
);

export const EvmTable = ({
  children,
  rows,
  first,
  label,
  testId = 'finance-evm-table',
}: {
  children: React.ReactNode;
  rows: number;
  first: string;
  label: string;
  testId?: string;
}) => (
  <ScrollTable label={label} colCount={COLUMN_COUNT} rowCount={rows + 1} stickyFirst data-testid={testId}>
    <EvmHead first={first} />
    <Tbody>{children}</Tbody>
  </ScrollTable>
);
