/**
 * Schedule a gate review: project, gate, date and reviewers. The server snapshots the checklist
 * from the standards that apply; its refusals show under the field they name, or at the top.
 */
import * as React from 'react';

import { Button, Field, Flex, Grid, Modal, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';

import { useEntities } from '../../api/finance';
import { GATE_NAMES, GATE_NUMBERS, useScheduleReview } from '../../api/governance';
import { fieldErrors, type PmoApiError } from '../../api/client';
import { useTranslate } from '../../utils/useTranslate';
import { DateField } from '../../components/fields';
import { errorAt, gateTitle, reviewPath } from './display';
import { ReviewersField } from './ReviewersField';

export type ScheduleDefaults = { project?: string; gate?: number };

export const ScheduleReviewModal = ({ defaults, onClose }: { defaults: ScheduleDefaults; onClose: () => void }) => {
  const t = useTranslate();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const projects = useEntities('project');
  const schedule = useScheduleReview();
  const [project, setProject] = React.useState(defaults.project ?? '');
  const [gate, setGate] = React.useState(String(defaults.gate ?? 1));
  const [scheduledDate, setScheduledDate] = React.useState('');
  const [reviewers, setReviewers] = React.useState<string[]>([]);
  const [errors, setErrors] = React.useState<Record<string, string[]>>({});
  const [message, setMessage] = React.useState<string | null>(null);
  const at = (field: string) => errorAt(errors, field);

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    schedule.mutate(
      { project, gate: Number(gate), scheduledDate: scheduledDate || null, reviewers },
      {
        onSuccess(review) {
          toggleNotification({
            type: 'success',
            message: t('governance.schedule.done', '{gate} review scheduled for {project}', {
              gate: gateTitle(review.gate, review.gateName),
              project: review.project?.code ?? '',
            }),
          });
          onClose();
          navigate(reviewPath(review.documentId));
        },
        onError(error: PmoApiError) {
          setErrors(fieldErrors(error));
          setMessage(error.message);
        },
      }
    );
  };

  return (
    <Modal.Root open onOpenChange={(open: boolean) => (open ? undefined : onClose())}>
      <Modal.Content>
        <form onSubmit={onSubmit} noValidate data-testid="pmo-gov-schedule-form">
          <Modal.Header>
            <Modal.Title>{t('governance.schedule.title', 'Schedule a gate review')}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              {message ? (
                <Typography variant="omega" textColor="danger600" role="alert">
                  {message}
                </Typography>
              ) : null}
              <Grid.Root gap={4}>
                <Grid.Item col={12} direction="column" alignItems="stretch">
                  <Field.Root name="project" required error={at('project')}>
                    <Field.Label>{t('governance.schedule.project', 'Project')}</Field.Label>
                    <SingleSelect
                      value={project}
                      onChange={(value: string | number) => setProject(String(value))}
                      placeholder={projects.isLoading ? '…' : t('governance.schedule.projectPlaceholder', 'Choose a project')}
                    >
                      {(projects.data ?? []).map((p) => (
                        <SingleSelectOption key={p.documentId} value={p.documentId}>
                          {`${p.code} · ${p.name}`}
                        </SingleSelectOption>
                      ))}
                    </SingleSelect>
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Field.Root name="gate" required error={at('gate')}>
                    <Field.Label>{t('governance.schedule.gate', 'Gate')}</Field.Label>
                    <SingleSelect value={gate} onChange={(value: string | number) => setGate(String(value))}>
                      {GATE_NUMBERS.map((g) => (
                        <SingleSelectOption key={g} value={String(g)}>
                          {gateTitle(g, GATE_NAMES[g])}
                        </SingleSelectOption>
                      ))}
                    </SingleSelect>
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <DateField
                    name="scheduledDate"
                    label={t('governance.schedule.date', 'Scheduled for')}
                    error={at('scheduledDate')}
                    value={scheduledDate}
                    onChange={setScheduledDate}
                  />
                </Grid.Item>
                <Grid.Item col={12} direction="column" alignItems="stretch">
                  <ReviewersField
                    value={reviewers}
                    onChange={setReviewers}
                    hint={t('governance.schedule.reviewersHint', 'People of the directory who sit on the review.')}
                    error={at('reviewers')}
                  />
                </Grid.Item>
              </Grid.Root>
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Button variant="tertiary" type="button" onClick={onClose}>
              {t('governance.form.cancel', 'Cancel')}
            </Button>
            <Button type="submit" loading={schedule.isLoading}>
              {t('governance.schedule.submit', 'Schedule review')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
