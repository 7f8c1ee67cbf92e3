/** A project's earned value as of a date and its S-curve over the project's months. */
import { Box, Field, Flex, Link, Loader, Main, Table, Tbody, TextInput, Tr, Td, Typography } from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import { NavLink, useParams, useSearchParams } from 'react-router-dom';

import { today, useEvm, useProjectEntity, useSCurve } from '../../api/finance';
import { useTranslate } from '../../utils/useTranslate';
import { EvmHead, FigureCells, COLUMN_COUNT } from './EvmTable';
import { formatMoney } from './display';
import { SCurve } from './SCurve';

/** The S-curve's months: the project's dates, else a year up to asOf. */
function span(startDate: string | null | undefined, endDate: string | null | undefined, asOf: string) {
  const end = endDate ?? asOf;
  const start = startDate ?? `${Number(end.slice(0, 4)) - 1}-${end.slice(5, 7)}-01`;
  return { start, end: end < start ? start : end };
}

export const ProjectFinance = () => {
  const t = useTranslate();
  const { documentId } = useParams<{ documentId: string }>();
  const [search, setSearch] = useSearchParams();
  const asOf = search.get('asOf') ?? today();
  const project = useProjectEntity(documentId);
  const evm = useEvm('projects', documentId, asOf);
  const { start, end } = span(project.data?.startDate, project.data?.endDate, asOf);
  const curve = useSCurve(documentId, project.data ? start : undefined, project.data ? end : undefined, asOf);

  return (
    <Main>
      <Layouts.Header
        navigationAction={
          <Link tag={NavLink} to="..">
            {t('finance.back', 'Finance')}
          </Link>
        }
        title={project.data ? `${project.data.code} · ${project.data.name}` : '…'}
        subtitle={t('finance.project.subtitle', 'Earned value as of {asOf}, in {currency}', {
          asOf,
          currency: evm.data?.currency ?? '…',
        })}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Box width="200px">
            <Field.Root name="asOf">
              <Field.Label>{t('finance.asOf', 'As of')}</Field.Label>
              <TextInput
                type="date"
                value={asOf}
                onChange={(e: React.ChangeEvent<HTMLInputElement>) => setSearch({ asOf: e.target.value }, { replace: true })}
              />
            </Field.Root>
          </Box>
          {(project.error || evm.error) && (
            <Typography textColor="danger600">{(project.error ?? evm.error)?.message}</Typography>
          )}
          {evm.data && (
            <>
              <Table colCount={COLUMN_COUNT} rowCount={2}>
                <EvmHead first={t('finance.project', 'Project')} />
                <Tbody>
                  <Tr>
                    <Td>
                      <Typography fontWeight="bold">{evm.data.project?.code}</Typography>
                    </Td>
                    <FigureCells f={evm.data} />
                  </Tr>
                </Tbody>
              </Table>
              <Flex gap={6} wrap="wrap">
                <Typography>ETC: {formatMoney(evm.data.etc)}</Typography>
                <Typography>EAC (atypical): {formatMoney(evm.data.eacAtypical)}</Typography>
                <Typography>EAC (CPI × SPI): {formatMoney(evm.data.eacCombined)}</Typography>
                <Typography>TCPI: {evm.data.tcpi === null ? 'n/a' : evm.data.tcpi.toFixed(2)}</Typography>
              </Flex>
            </>
          )}
          <Box background="neutral0" padding={4} shadow="tableShadow" hasRadius>
            <Typography variant="delta" tag="h2">
              {t('finance.scurve', 'S-curve')} ({start.slice(0, 7)} – {end.slice(0, 7)})
            </Typography>
            <Box paddingTop={3}>
              {curve.isLoading && <Loader small>Loading</Loader>}
              {curve.error && <Typography textColor="danger600">{curve.error.message}</Typography>}
              {curve.data && evm.data && (
                <SCurve points={curve.data} asOf={asOf} eac={evm.data.eac === null ? null : Number(evm.data.eac)} currency={evm.data.currency} />
              )}
            </Box>
          </Box>
          <Link tag={NavLink} to={`../exports?project=${documentId}&report=financial-summary&asOf=${asOf}`}>
            {t('finance.project.exports', 'Exports of this project')}
          </Link>
        </Flex>
      </Layouts.Content>
    </Main>
  );
};
