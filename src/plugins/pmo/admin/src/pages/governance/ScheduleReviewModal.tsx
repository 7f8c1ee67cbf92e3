/**
 * Schedule a gate review: project, gate, date and reviewers. The contract checks the form before
 * it is sent; the server snapshots the checklist from the standards that apply, and its refusals
 * show under the field they name, their message at the top.
 */
import * as React from 'react';

import { Box, Button, Flex, Grid, Modal, Typography } from '@strapi/design-system';
import { Form, useNotification } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';

import { toPmoApiError } from '../../api/client';
import { GATE_NAMES, GATE_NUMBERS, useScheduleReview, type ProjectRef } from '../../api/governance';
import { DateField, SelectField } from '../../components/fields';
import { contractForm, formErrors, orNull } from '../../components/form';
import { SearchPicker, pickedItem, type Picked } from '../../components/SearchPicker';
import { useTranslate } from '../../utils/useTranslate';
import { scheduleInput } from '../../../../shared/contracts/governance';
import { gateTitle, reviewPath } from './display';
import { ReviewersField } from './ReviewersField';

export type ScheduleDefaults = { project?: ProjectRef; gate?: number };

type ScheduleValues = { project: Picked | null; gate: string; scheduledDate: string; reviewers: Picked[] };

const toBody = (values: ScheduleValues) => ({
  project: values.project?.documentId,
  gate: Number(values.gate),
  scheduledDate: orNull(values.scheduledDate),
  reviewers: values.reviewers.map((person) => person.documentId),
});

const GATES = GATE_NUMBERS.map((gate) => ({ value: String(gate), label: gateTitle(gate, GATE_NAMES[gate]) }));

export const ScheduleReviewModal = ({ defaults, onClose }: { defaults: ScheduleDefaults; onClose: () => void }) => {
  const t = useTranslate();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const schedule = useScheduleReview();
  const [refusal, setRefusal] = React.useState<string | null>(null);
  const initialValues = React.useMemo<ScheduleValues>(
    () => ({ project: defaults.project ? pickedItem(defaults.project) : null, gate: String(defaults.gate ?? 1), scheduledDate: '', reviewers: [] }),
    [defaults]
  );

  const form = contractForm(scheduleInput, toBody, async (body, { setErrors }) => {
    setRefusal(null);
    try {
      const review = await schedule.mutateAsync(body);
      toggleNotification({
        type: 'success',
        message: t('governance.schedule.done', '{gate} review scheduled for {project}', {
          gate: gateTitle(review.gate, review.gateName),
          project: review.project?.code ?? '',
        }),
      });
      onClose();
      navigate(reviewPath(review.documentId));
    } catch (error) {
      setErrors(formErrors(error));
      setRefusal(toPmoApiError(error).message);
    }
  });

  return (
    <Modal.Root open onOpenChange={(open: boolean) => (open ? undefined : onClose())}>
      <Modal.Content>
        <Box data-testid="pmo-gov-schedule-form">
          <Form method="POST" initialValues={initialValues} width="100%" height="auto" {...form}>
            {({ isSubmitting }) => (
              <>
                <Modal.Header>
                  <Modal.Title>{t('governance.schedule.title', 'Schedule a gate review')}</Modal.Title>
                </Modal.Header>
                <Modal.Body>
                  <Flex direction="column" alignItems="stretch" gap={4}>
                    {refusal ? (
                      <Typography variant="omega" textColor="danger600" role="alert">
                        {refusal}
                      </Typography>
                    ) : null}
                    <Grid.Root gap={4}>
                      <Grid.Item col={12} direction="column" alignItems="stretch">
                        <SearchPicker
                          type="project"
                          name="project"
                          label={t('governance.schedule.project', 'Project')}
                          placeholder={t('governance.schedule.projectPlaceholder', 'Type a project’s code or name')}
                          required
                        />
                      </Grid.Item>
                      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                        <SelectField name="gate" label={t('governance.schedule.gate', 'Gate')} options={GATES} required />
                      </Grid.Item>
                      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                        <DateField name="scheduledDate" label={t('governance.schedule.date', 'Scheduled for')} />
                      </Grid.Item>
                      <Grid.Item col={12} direction="column" alignItems="stretch">
                        <ReviewersField hint={t('governance.schedule.reviewersHint', 'People of the directory who sit on the review.')} />
                      </Grid.Item>
                    </Grid.Root>
                  </Flex>
                </Modal.Body>
                <Modal.Footer>
                  <Button variant="tertiary" type="button" onClick={onClose}>
                    {t('governance.form.cancel', 'Cancel')}
                  </Button>
                  <Button type="submit" loading={isSubmitting}>
                    {t('governance.schedule.submit', 'Schedule review')}
                  </Button>
                </Modal.Footer>
              </>
            )}
          </Form>
        </Box>
      </Modal.Content>
    </Modal.Root>
  );
};
