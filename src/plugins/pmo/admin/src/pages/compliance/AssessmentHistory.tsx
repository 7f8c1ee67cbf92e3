/**
 * A project's assessments against one standard, latest first: how its compliance moved over time
 * (score as a bar, pass, version of the standard, assessor), the one on screen marked, each other
 * one a click away.
 */
import { Badge, Box, Flex, Link, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';

import { useAssessments, type Assessment } from '../../api/compliance';
import { Section } from '../../components/Section';
import { formatDay } from '../../utils/dates';
import { useTranslate } from '../../utils/useTranslate';

const ScoreBar = ({ score, passed }: { score: number; passed: boolean }) => (
  <Flex gap={2} alignItems="center">
    <Box
      aria-hidden
      style={{ width: 120, height: 8, borderRadius: 4, background: '#EAEAEF', overflow: 'hidden' }}
    >
      <Box style={{ width: `${score}%`, height: '100%', background: passed ? '#328048' : '#D02B20' }} />
    </Box>
    <Typography>{`${score}%`}</Typography>
  </Flex>
);

export const AssessmentHistory = ({ current }: { current: Assessment }) => {
  const t = useTranslate();
  const history = useAssessments({ project: current.project.documentId, standard: current.standard.documentId });
  const rows = history.data?.results ?? [];
  return (
    <Section
      title={t('compliance.history.title', 'History of {project} against {standard}', {
        project: current.project.code,
        standard: current.standard.code,
      })}
      data-testid="pmo-compliance-history"
    >
      {history.isLoading ? (
        <Typography textColor="neutral600">{t('compliance.history.loading', 'Reading the earlier assessments…')}</Typography>
      ) : history.error ? (
        <Typography textColor="danger600">{history.error.message}</Typography>
      ) : rows.length <= 1 ? (
        <Typography textColor="neutral600">
          {t('compliance.history.only', 'This is the only assessment of this project against this standard.')}
        </Typography>
      ) : (
        <Table colCount={5} rowCount={rows.length + 1}>
          <Thead>
            <Tr>
              <Th><Typography variant="sigma">{t('compliance.history.assessedOn', 'Assessed on')}</Typography></Th>
              <Th><Typography variant="sigma">{t('compliance.history.version', 'Standard version')}</Typography></Th>
              <Th><Typography variant="sigma">{t('compliance.history.assessor', 'Assessor')}</Typography></Th>
              <Th><Typography variant="sigma">{t('compliance.history.score', 'Score')}</Typography></Th>
              <Th><Typography variant="sigma">{t('compliance.history.outcome', 'Outcome')}</Typography></Th>
            </Tr>
          </Thead>
          <Tbody>
            {rows.map((row) => {
              const here = row.documentId === current.documentId;
              return (
                <Tr key={row.documentId} data-testid="pmo-compliance-history-row" aria-current={here ? 'page' : undefined}>
                  <Td>
                    {here ? (
                      <Typography fontWeight="bold">
                        {t('compliance.history.this', '{day} (this assessment)', { day: formatDay(row.assessedOn) })}
                      </Typography>
                    ) : (
                      <Link tag={NavLink} to={`../${row.documentId}`} relative="path">
                        {formatDay(row.assessedOn)}
                      </Link>
                    )}
                  </Td>
                  <Td><Typography>{row.standardVersion ?? '—'}</Typography></Td>
                  <Td><Typography>{row.assessor?.fullName ?? t('compliance.assessment.unknown', 'someone not on record')}</Typography></Td>
                  <Td><ScoreBar score={row.score} passed={row.passed} /></Td>
                  <Td>
                    <Badge backgroundColor={row.passed ? 'success100' : 'danger100'} textColor={row.passed ? 'success700' : 'danger700'}>
                      {row.passed ? t('compliance.passed', 'Passed') : t('compliance.failed', 'Not passed')}
                    </Badge>
                  </Td>
                </Tr>
              );
            })}
          </Tbody>
        </Table>
      )}
    </Section>
  );
};
