/**
 * A gate review: while scheduled, those who manage governance hold it here (checklist results
 * from the standards that apply, the decision, conditions with owners and due dates, notes);
 * once decided it is a record, of which only the notes change.
 */
import * as React from 'react';

import { Badge, Box, Button, Flex, Link, Main, Typography } from '@strapi/design-system';
import { ArrowLeft } from '@strapi/icons';
import { Form, Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { NavLink, useParams } from 'react-router-dom';

import { toPmoApiError } from '../../api/client';
import { useCanManageGovernance, useGateReview, useUpdateReview, type GateReview } from '../../api/governance';
import { TextareaField } from '../../components/fields';
import { contractForm, formErrors } from '../../components/form';
import { PageError } from '../../components/PageError';
import { Section } from '../../components/Section';
import { useTranslate, type Translate } from '../../utils/useTranslate';
import { reviewInput } from '../../../../shared/contracts/governance';
import { ConditionLine, DecisionBadge, gateTitle, projectGatesPath, useFormatDay } from './display';
import { HoldReviewForm } from './HoldReviewForm';
import { ReviewChecklist } from './ReviewChecklist';

export const GateReviewPage = () => {
  const { documentId } = useParams<{ documentId: string }>();
  const t = useTranslate();
  const review = useGateReview(documentId);
  const { canManage, isLoading: checkingRights } = useCanManageGovernance();
  const formatDay = useFormatDay();

  if (review.isLoading || checkingRights) return <Page.Loading />;
  if (review.error || !review.data) return <PageError content={review.error?.message ?? ''} />;
  const data = review.data;
  const project = data.project;

  return (
    <Main>
      <Layouts.Header
        navigationAction={
          project ? (
            <Link tag={NavLink} to={projectGatesPath(project.documentId)} startIcon={<ArrowLeft />}>
              {t('governance.review.back', 'Gates of {project}', { project: project.code })}
            </Link>
          ) : undefined
        }
        title={t('governance.review.title', '{gate} review', { gate: gateTitle(data.gate, data.gateName) })}
        subtitle={
          project
            ? `${project.code} · ${project.name} · ${
                data.status === 'held'
                  ? t('governance.review.heldOn', 'held on {day}', { day: formatDay(data.heldDate) })
                  : data.scheduledDate
                    ? t('governance.review.scheduledFor', 'scheduled for {day}', { day: formatDay(data.scheduledDate) })
                    : t('governance.review.undated', 'not dated yet')
              }`
            : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4} data-testid="pmo-gov-review" data-status={data.status}>
          <Box background="neutral0" padding={5} shadow="tableShadow" hasRadius>
            <Flex gap={6} wrap="wrap">
              <Fact label={t('governance.review.status', 'Status')}>
                {data.decision ? (
                  <DecisionBadge decision={data.decision} t={t} />
                ) : (
                  <Badge>{t('governance.review.awaiting', 'Awaiting decision')}</Badge>
                )}
              </Fact>
              <Fact label={t('governance.review.reviewers', 'Reviewers')}>
                <Typography data-testid="pmo-gov-reviewers">{data.reviewers.map((p) => p.fullName).join(', ') || '—'}</Typography>
              </Fact>
              {data.recordedBy ? (
                <Fact label={t('governance.review.recordedBy', 'Recorded by')}>
                  <Typography>{data.recordedBy}</Typography>
                </Fact>
              ) : null}
            </Flex>
          </Box>
          {data.status === 'scheduled' && canManage ? (
            <HoldReviewForm review={data} t={t} />
          ) : (
            <ReviewRecord review={data} canManage={canManage} t={t} />
          )}
        </Flex>
      </Layouts.Content>
    </Main>
  );
};

const Fact = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Flex direction="column" alignItems="flex-start" gap={1}>
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    {children}
  </Flex>
);

/** Notes are what changes of a held review: `{ notes }`, empty as null. */
const notesBody = (values: { notes: string }) => ({ notes: values.notes.trim() ? values.notes : null });

/** A decided review (or a scheduled one, for those who only read): the record; notes editable by managers. */
const ReviewRecord = ({ review, canManage, t }: { review: GateReview; canManage: boolean; t: Translate }) => {
  const { toggleNotification } = useNotification();
  const update = useUpdateReview();
  const [refusal, setRefusal] = React.useState<string | null>(null);
  const initialValues = React.useMemo(() => ({ notes: review.notes ?? '' }), [review.notes]);
  const form = contractForm(reviewInput, notesBody, async (body, { setErrors }) => {
    setRefusal(null);
    try {
      await update.mutateAsync({ documentId: review.documentId, input: body });
      toggleNotification({ type: 'success', message: t('governance.review.notesSaved', 'Notes saved') });
    } catch (error) {
      setErrors(formErrors(error));
      setRefusal(toPmoApiError(error).message);
    }
  });
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Section title={t('governance.hold.checklist', 'Checklist')}>
        <ReviewChecklist items={review.checklist} t={t} />
      </Section>
      {review.conditions.length ? (
        <Section title={t('governance.hold.conditions', 'Conditions')}>
          <Flex direction="column" alignItems="stretch" gap={3}>
            {review.conditions.map((condition) => (
              <ConditionLine key={condition.documentId} condition={condition} t={t} />
            ))}
          </Flex>
        </Section>
      ) : null}
      <Section title={t('governance.hold.notesTitle', 'Notes')}>
        {canManage ? (
          <Form method="PUT" initialValues={initialValues} width="100%" height="auto" {...form}>
            {({ modified, isSubmitting }) => (
              <Flex direction="column" alignItems="stretch" gap={2}>
                {refusal ? (
                  <Typography variant="pi" textColor="danger600" role="alert">
                    {refusal}
                  </Typography>
                ) : null}
                <TextareaField name="notes" label={t('governance.hold.notes', 'Notes')} />
                <Box>
                  <Button type="submit" variant="secondary" loading={isSubmitting} disabled={!modified}>
                    {t('governance.review.saveNotes', 'Save notes')}
                  </Button>
                </Box>
              </Flex>
            )}
          </Form>
        ) : (
          <Typography>{review.notes || '—'}</Typography>
        )}
      </Section>
    </Flex>
  );
};
