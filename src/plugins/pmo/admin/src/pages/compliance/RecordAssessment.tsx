/**
 * Recording a compliance assessment: pick the project (found as one types, `GET /pmo/search`) and
 * the published standard (from the matrix, both come chosen), then answer each criterion of its checklist — met, not met or not
 * applicable (never for a must-meet criterion) — with its evidence. The server derives the score
 * and whether it passed, and answers with the assessment, which this page then opens.
 */
import * as React from 'react';

import { Badge, Box, Button, Field, Flex, Link, Main, SingleSelect, SingleSelectOption, Textarea, TextInput, Typography } from '@strapi/design-system';
import { ArrowLeft } from '@strapi/icons';
import { Layouts } from '@strapi/strapi/admin';
import { NavLink, useNavigate, useSearchParams } from 'react-router-dom';

import { RESULTS, RESULT_WORDS, useComplianceStandards, useRecordAssessment, type CriterionResult } from '../../api/compliance';
import { useEntity } from '../../api/finance';
import { pickedItem, SearchPicker, type Picked } from '../../components/SearchPicker';
import { Section } from '../../components/Section';
import { todayIso } from '../../utils/dates';
import { useTranslate } from '../../utils/useTranslate';

type Answer = { result: CriterionResult | ''; evidence: string };

export const RecordAssessment = () => {
  const t = useTranslate();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const fromMatrix = useEntity('project', search.get('project') ?? undefined);
  const [picked, setPicked] = React.useState<Picked | null | undefined>(undefined);
  const standards = useComplianceStandards();
  const record = useRecordAssessment();
  const project = picked === undefined ? (search.get('project') ?? '') : (picked?.documentId ?? '');
  const projectValue = picked === undefined ? (fromMatrix.data ? pickedItem(fromMatrix.data) : null) : picked;
  const [standardId, setStandardId] = React.useState(search.get('standard') ?? '');
  const [assessedOn, setAssessedOn] = React.useState(todayIso());
  const [answers, setAnswers] = React.useState<Answer[]>([]);
  const [problem, setProblem] = React.useState<string | null>(null);
  const standard = (standards.data ?? []).find((s) => s.documentId === standardId);

  React.useEffect(() => {
    setAnswers((standard?.checklist ?? []).map(() => ({ result: '', evidence: '' })));
  }, [standard?.documentId]);

  const setAnswer = (index: number, change: Partial<Answer>) => setAnswers((list) => list.map((answer, i) => (i === index ? { ...answer, ...change } : answer)));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!project) return setProblem(t('compliance.form.chooseProject', 'Choose a project'));
    if (!standard) return setProblem(t('compliance.form.chooseStandard', 'Choose a standard'));
    const missing = answers.findIndex((answer) => !answer.result);
    if (missing >= 0) return setProblem(t('compliance.form.answerAll', 'Answer criterion {n}: met, not met or not applicable', { n: missing + 1 }));
    setProblem(null);
    try {
      const created = await record.mutateAsync({
        project,
        standard: standard.documentId,
        assessedOn,
        results: answers.map((answer) => ({ result: answer.result as CriterionResult, evidence: answer.evidence.trim() || null })),
      });
      navigate(`../assessments/${created.documentId}`);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <Main>
      <Layouts.Header
        title={t('compliance.form.title', 'Record a compliance assessment')}
        subtitle={t('compliance.form.subtitle', "Answer each criterion of the standard's checklist with its evidence; the score and the pass are worked out for you.")}
        navigationAction={
          <Link tag={NavLink} to=".." startIcon={<ArrowLeft />}>
            {t('compliance.back', 'Back to the matrix')}
          </Link>
        }
      />
      <Layouts.Content>
        <form onSubmit={submit} noValidate data-testid="pmo-compliance-form">
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Section title={t('compliance.form.what', 'What is assessed')}>
              <Flex gap={4} wrap="wrap" alignItems="flex-end">
                <Box width="320px" data-testid="pmo-compliance-form-project">
                  <SearchPicker
                    type="project"
                    name="project"
                    label={t('compliance.project', 'Project')}
                    required
                    value={projectValue}
                    onChange={(next) => setPicked(next)}
                  />
                </Box>
                <Box width="320px">
                  <Field.Root name="standard" required>
                    <Field.Label>{t('compliance.standard', 'Standard')}</Field.Label>
                    <SingleSelect value={standardId} placeholder={t('compliance.form.chooseStandard', 'Choose a standard')} onChange={(value: string | number) => setStandardId(String(value))} data-testid="pmo-compliance-form-standard">
                      {(standards.data ?? []).map((s) => (
                        <SingleSelectOption key={s.documentId} value={s.documentId}>
                          {`${s.code} ${s.title}${s.version ? ` (version ${s.version})` : ''}`}
                        </SingleSelectOption>
                      ))}
                    </SingleSelect>
                  </Field.Root>
                </Box>
                <Box width="200px">
                  <Field.Root name="assessedOn" required>
                    <Field.Label>{t('compliance.form.assessedOn', 'Assessed on')}</Field.Label>
                    <TextInput type="date" value={assessedOn} max={todayIso()} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setAssessedOn(event.target.value)} />
                  </Field.Root>
                </Box>
              </Flex>
            </Section>
            {standard ? (
              <Section title={t('compliance.form.criteria', 'Criteria of {code} {title}', { code: standard.code, title: standard.title })}>
                {standard.checklist.length === 0 ? (
                  <Typography textColor="neutral600">{t('compliance.form.noCriteria', 'This standard has no checklist criteria to assess.')}</Typography>
                ) : null}
                {standard.checklist.map((criterion, index) => (
                  <Box key={index} padding={3} hasRadius borderColor="neutral200" data-testid="pmo-compliance-criterion">
                    <Flex direction="column" alignItems="stretch" gap={2}>
                      <Flex gap={2} alignItems="center">
                        <Typography fontWeight="bold">{`${index + 1}. ${criterion.text}`}</Typography>
                        {criterion.mustMeet ? <Badge>{t('compliance.mustMeet', 'Must meet')}</Badge> : null}
                      </Flex>
                      <Flex gap={4} alignItems="flex-start" wrap="wrap">
                        <Box width="220px">
                          <Field.Root name={`results.${index}.result`} required>
                            <Field.Label>{t('compliance.form.result', 'Result')}</Field.Label>
                            <SingleSelect
                              value={answers[index]?.result ?? ''}
                              placeholder={t('compliance.form.chooseResult', 'Choose')}
                              onChange={(value: string | number) => setAnswer(index, { result: value as CriterionResult })}
                              data-testid="pmo-compliance-result"
                            >
                              {RESULTS.filter((result) => !(criterion.mustMeet && result === 'not-applicable')).map((result) => (
                                <SingleSelectOption key={result} value={result}>
                                  {RESULT_WORDS[result]}
                                </SingleSelectOption>
                              ))}
                            </SingleSelect>
                          </Field.Root>
                        </Box>
                        <Box style={{ flex: '1 1 320px' }}>
                          <Field.Root name={`results.${index}.evidence`}>
                            <Field.Label>{t('compliance.form.evidence', 'Evidence')}</Field.Label>
                            <Textarea value={answers[index]?.evidence ?? ''} maxLength={2000} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setAnswer(index, { evidence: event.target.value })} />
                          </Field.Root>
                        </Box>
                      </Flex>
                    </Flex>
                  </Box>
                ))}
              </Section>
            ) : null}
            {problem ? (
              <Typography textColor="danger600" role="alert" data-testid="pmo-compliance-form-problem">
                {problem}
              </Typography>
            ) : null}
            <Flex justifyContent="flex-end">
              <Button type="submit" loading={record.isLoading} data-testid="pmo-compliance-form-save">
                {t('compliance.form.save', 'Record the assessment')}
              </Button>
            </Flex>
          </Flex>
        </form>
      </Layouts.Content>
    </Main>
  );
};
