/**
 * Earned-value rows: a programme (click to drill into its projects; its S-curve link opens the
 * programme's page) and its projects.
 */
import * as React from 'react';
import { Box, Button, Flex, Link, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';

import { useEvm, type EvmFigures, type Entity } from '../../api/finance';
import { IndexBadge, Money } from './display';

export const FIGURE_COLUMNS = ['BAC', 'PV', 'EV', 'AC', 'CV', 'SV', 'CPI', 'SPI', 'EAC', 'VAC'] as const;
export const COLUMN_COUNT = FIGURE_COLUMNS.length + 1;

export const EvmHead = ({ first }: { first: string }) => (
  <Thead>
    <Tr>
      <Th>
        <Typography variant="sigma">{first}</Typography>
      </Th>
      {FIGURE_COLUMNS.map((column) => (
        <Th key={column}>
          <Typography variant="sigma">{column}</Typography>
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
    <Td><IndexBadge value={f.cpi} label="CPI" /></Td>
    <Td><IndexBadge value={f.spi} label="SPI" /></Td>
    <Td><Money value={f.eac} /></Td>
    <Td><Money value={f.vac} /></Td>
  </>
);

/** One programme's roll-up; open, its projects below it, each linking to the project view. */
export const ProgrammeRows = ({ programme, asOf }: { programme: Entity; asOf: string }) => {
  const [open, setOpen] = React.useState(false);
  const { data, error, isLoading } = useEvm('programmes', programme.documentId, asOf);
  return (
    <>
      <Tr data-testid={`finance-programme-${programme.code}`}>
        <Td>
          <Flex direction="column" alignItems="flex-start" gap={1}>
            <Button variant="tertiary" size="S" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
              {open ? '▾' : '▸'} {programme.code} · {programme.name}
            </Button>
            <Link tag={NavLink} to={`programmes/${programme.documentId}?asOf=${asOf}`} aria-label={`S-curve and budget of programme ${programme.code}`}>
              <Typography variant="pi">S-curve and budget</Typography>
            </Link>
          </Flex>
        </Td>
        {data ? (
          <FigureCells f={data} />
        ) : (
          <Td colSpan={FIGURE_COLUMNS.length}>
            <Typography textColor={error ? 'danger600' : 'neutral600'}>
              {error ? error.message : isLoading ? 'Loading…' : ''}
            </Typography>
          </Td>
        )}
      </Tr>
      {open &&
        (data?.projects ?? []).map((project) => (
          <Tr key={project.documentId} data-testid={`finance-project-${project.code}`}>
            <Td>
              <Box paddingLeft={6}>
                <Link tag={NavLink} to={`projects/${project.documentId}?asOf=${asOf}`}>
                  {project.code} · {project.name}
                </Link>
              </Box>
            </Td>
            <FigureCells f={project} />
          </Tr>
        ))}
      {open && data && (data.projects ?? []).length === 0 && (
        <Tr>
          <Td colSpan={COLUMN_COUNT}>
            <Flex paddingLeft={6}>
              <Typography textColor="neutral600">No projects in this programme.</Typography>
            </Flex>
          </Td>
        </Tr>
      )}
    </>
  );
};

export const EvmTable = ({ children, rows, first }: { children: React.ReactNode; rows: number; first: string }) => (
  <Table colCount={COLUMN_COUNT} rowCount={rows + 1}>
    <EvmHead first={first} />
    <Tbody>{children}</Tbody>
  </Table>
);
