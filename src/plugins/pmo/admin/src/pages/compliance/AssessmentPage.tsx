/** One compliance assessment: what was assessed, by whom and when, its score and pass, and each criterion's result and evidence. */
import { Badge, Flex, Link, Main, Typography } from '@strapi/design-system';
import { ArrowLeft } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { NavLink, useParams } from 'react-router-dom';

import { RESULT_WORDS, useAssessment } from '../../api/compliance';
import { PageError } from '../../components/PageError';
import { Section } from '../../components/Section';
import { formatDay } from '../../utils/dates';
import { useTranslate } from '../../utils/useTranslate';
import { AssessmentHistory } from './AssessmentHistory';

const RESULT_COLOURS = { met: '#2F6846', 'not-met': '#B72B1A', 'not-applicable': '#666687' } as const;

export const AssessmentPage = () => {
  const t = useTranslate();
  const { documentId } = useParams();
  const assessment = useAssessment(documentId);
  if (assessment.isLoading) return <Page.Loading />;
  if (assessment.error || !assessment.data) return <PageError content={assessment.error?.message} />;
  const a = assessment.data;
  return (
    <Main>
      <Layouts.Header
        title={t('compliance.assessment.title', '{project} against {standard}', { project: a.project.code, standard: a.standard.code })}
        subtitle={t('compliance.assessment.subtitle', '{projectName}, {standardTitle} version {version}, assessed on {day} by {assessor}', {
          projectName: a.project.name,
          standardTitle: a.standard.title,
          version: a.standardVersion ?? '—',
          day: formatDay(a.assessedOn),
          assessor: a.assessor?.fullName ?? t('compliance.assessment.unknown', 'someone not on record'),
        })}
        navigationAction={
          <Link tag={NavLink} to=".." startIcon={<ArrowLeft />}>
            {t('compliance.back', 'Back to the matrix')}
          </Link>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Section title={t('compliance.assessment.outcome', 'Outcome')} data-testid="pmo-compliance-outcome">
            <Flex gap={4} alignItems="center">
              <Badge backgroundColor={a.passed ? 'success100' : 'danger100'} textColor={a.passed ? 'success700' : 'danger700'}>
                {a.passed ? t('compliance.passed', 'Passed') : t('compliance.failed', 'Not passed')}
              </Badge>
              <Typography>{t('compliance.assessment.score', 'Score {score}% (criteria met of those that apply)', { score: a.score })}</Typography>
            </Flex>
          </Section>
          <Section title={t('compliance.assessment.results', 'Criteria')}>
            {a.results.map((row, index) => (
              <Flex key={index} direction="column" alignItems="stretch" gap={1} data-testid="pmo-compliance-result-row">
                <Typography fontWeight="bold">
                  {`${index + 1}. ${row.criterion}`}
                  {row.mustMeet ? ` (${t('compliance.mustMeet', 'Must meet')})` : ''}
                </Typography>
                <Typography style={{ color: RESULT_COLOURS[row.result] }}>{RESULT_WORDS[row.result]}</Typography>
                <Typography variant="pi" textColor="neutral600">
                  {row.evidence ?? t('compliance.assessment.noEvidence', 'No evidence given')}
                </Typography>
              </Flex>
            ))}
          </Section>
          <AssessmentHistory current={a} />
        </Flex>
      </Layouts.Content>
    </Main>
  );
};
