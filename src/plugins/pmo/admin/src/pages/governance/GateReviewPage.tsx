/**
 * A gate review: while scheduled, those who manage governance hold it here (checklist results
 * from the standards that apply, the decision, conditions with owners and due dates, notes);
 * once decided it is a record, of which only the notes change.
 */
import * as React from 'react';

import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  Grid,
  IconButton,
  Link,
  Main,
  Radio,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { ArrowLeft, Plus, Trash } from '@strapi/icons';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { NavLink, useParams } from 'react-router-dom';

import { fieldErrors, type PmoApiError } from '../../api/client';
import {
  GATE_DECISIONS,
  useCanManageGovernance,
  useGateReview,
  useUpdateReview,
  type ChecklistItem,
  type GateDecision,
  type GateReview,
} from '../../api/governance';
import { usePeople } from '../../api/mentoring';
import { PageError } from '../../components/PageError';
import { useTranslate, type Translate } from '../../utils/useTranslate';
import { todayIso } from '../../utils/dates';
import { DateField, TextareaField } from '../../components/fields';
import { ConditionLine, DecisionBadge, decisionLabel, errorAt, gateTitle, projectGatesPath, useFormatDay } from './display';
import { ReviewersField } from './ReviewersField';

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
            <HoldForm review={data} t={t} />
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

type Answer = { met: 'yes' | 'no' | null; notes: string };
type ConditionDraft = { text: string; owner: string; dueDate: string };

/** Holding the review: the checklist, the decision and what comes with it. */
const HoldForm = ({ review, t }: { review: GateReview; t: Translate }) => {
  const { toggleNotification } = useNotification();
  const update = useUpdateReview();
  const people = usePeople('');
  const [heldDate, setHeldDate] = React.useState(todayIso());
  const [reviewers, setReviewers] = React.useState<string[]>(() => review.reviewers.map((person) => person.documentId));
  const [answers, setAnswers] = React.useState<Record<string, Answer>>(() =>
    Object.fromEntries(review.checklist.map((item) => [item.key, { met: item.met, notes: item.notes ?? '' }]))
  );
  const [decision, setDecision] = React.useState<GateDecision | ''>('');
  const [conditions, setConditions] = React.useState<ConditionDraft[]>([]);
  const [notes, setNotes] = React.useState(review.notes ?? '');
  const [errors, setErrors] = React.useState<Record<string, string[]>>({});
  const [message, setMessage] = React.useState<string | null>(null);
  const [unmet, setUnmet] = React.useState<string[]>([]);
  const at = (field: string) => errorAt(errors, field);
  const answer = (key: string, change: Partial<Answer>) =>
    setAnswers((current) => ({ ...current, [key]: { ...current[key], ...change } }));
  const setCondition = (index: number, change: Partial<ConditionDraft>) =>
    setConditions((current) => current.map((c, i) => (i === index ? { ...c, ...change } : c)));

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    setErrors({});
    setMessage(null);
    setUnmet([]);
    if (!decision) {
      setErrors({ decision: [t('governance.hold.decisionRequired', 'Choose a decision')] });
      return;
    }
    update.mutate(
      {
        documentId: review.documentId,
        input: {
          heldDate: heldDate || null,
          reviewers,
          checklist: review.checklist.map((item) => ({
            key: item.key,
            met: answers[item.key]?.met ?? null,
            notes: answers[item.key]?.notes.trim() ? answers[item.key].notes.trim() : null,
          })),
          decision,
          ...(decision === 'conditional-go' ? { conditions } : {}),
          notes: notes.trim() ? notes : null,
        },
      },
      {
        onSuccess(saved) {
          toggleNotification({
            type: 'success',
            message: t('governance.hold.done', '{gate} decided: {decision}', {
              gate: gateTitle(saved.gate, saved.gateName),
              decision: decisionLabel(t, saved.decision!),
            }),
          });
        },
        onError(error: PmoApiError) {
          setErrors(fieldErrors(error));
          setMessage(error.message);
          setUnmet(Array.isArray(error.details.criteria) ? (error.details.criteria as string[]) : []);
        },
      }
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="pmo-gov-hold-form">
      <Flex direction="column" alignItems="stretch" gap={4}>
        {message ? (
          <Box background="danger100" padding={3} hasRadius>
            <Typography variant="omega" textColor="danger700" role="alert" data-testid="pmo-gov-hold-error">
              {message}
            </Typography>
          </Box>
        ) : null}

        <Section title={t('governance.hold.checklist', 'Checklist')}>
          <Checklist
            items={review.checklist}
            answers={answers}
            unmet={unmet}
            onAnswer={answer}
            errorAt={at}
            t={t}
          />
        </Section>

        <Section title={t('governance.hold.decisionTitle', 'Decision')}>
          <Grid.Root gap={4}>
            <Grid.Item col={8} s={12} direction="column" alignItems="stretch">
              <Field.Root name="decision" error={at('decision')} required>
                <Field.Label>{t('governance.hold.decision', 'Decision')}</Field.Label>
                <Radio.Group
                  value={decision}
                  onValueChange={(value: string) => setDecision(value as GateDecision)}
                  aria-label={t('governance.hold.decision', 'Decision')}
                  style={{ flexDirection: 'row', flexWrap: 'wrap', gap: 24 }}
                >
                  {GATE_DECISIONS.map((d) => (
                    <Radio.Item key={d} value={d}>
                      {decisionLabel(t, d)}
                    </Radio.Item>
                  ))}
                </Radio.Group>
                <Field.Error />
              </Field.Root>
              <Box paddingTop={2}>
                <Typography variant="pi" textColor="neutral600">
                  {t(
                    'governance.hold.decisionHint',
                    'Go and conditional go let the project through the gate (every must-meet criterion of a mandatory standard met); hold and recycle keep it where it is; stop leaves only cancellation.'
                  )}
                </Typography>
              </Box>
            </Grid.Item>
            <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
              <DateField name="heldDate" label={t('governance.hold.heldDate', 'Held on')} error={at('heldDate')} value={heldDate} onChange={setHeldDate} />
            </Grid.Item>
            <Grid.Item col={12} direction="column" alignItems="stretch">
              <ReviewersField
                value={reviewers}
                onChange={setReviewers}
                current={review.reviewers}
                hint={t('governance.hold.reviewersHint', 'Who sat on the review.')}
                error={at('reviewers')}
              />
            </Grid.Item>
          </Grid.Root>
        </Section>

        {decision === 'conditional-go' ? (
          <Section title={t('governance.hold.conditions', 'Conditions')}>
            <Flex direction="column" alignItems="stretch" gap={3} data-testid="pmo-gov-conditions-form">
              {at('conditions') && !conditions.length ? (
                <Typography variant="pi" textColor="danger600">
                  {at('conditions')}
                </Typography>
              ) : null}
              {conditions.map((condition, index) => (
                <Grid.Root key={index} gap={3} data-testid="pmo-gov-condition-row">
                  <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                    <Field.Root name={`conditions[${index}].text`} required error={at(`conditions.${index}.text`)}>
                      <Field.Label>{t('governance.condition.text', 'Condition')}</Field.Label>
                      <TextInput value={condition.text} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setCondition(index, { text: e.target.value })} />
                      <Field.Error />
                    </Field.Root>
                  </Grid.Item>
                  <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
                    <Field.Root name={`conditions[${index}].owner`} required error={at(`conditions.${index}.owner`)}>
                      <Field.Label>{t('governance.condition.owner', 'Owner')}</Field.Label>
                      <SingleSelect value={condition.owner} onChange={(value: string | number) => setCondition(index, { owner: String(value) })} placeholder="…">
                        {(people.data ?? []).map((person) => (
                          <SingleSelectOption key={person.documentId} value={person.documentId}>
                            {person.fullName}
                          </SingleSelectOption>
                        ))}
                      </SingleSelect>
                      <Field.Error />
                    </Field.Root>
                  </Grid.Item>
                  <Grid.Item col={2} s={10} direction="column" alignItems="stretch">
                    <DateField
                      name={`conditions[${index}].dueDate`}
                      label={t('governance.condition.due', 'Due')}
                      required
                      error={at(`conditions.${index}.dueDate`)}
                      value={condition.dueDate}
                      onChange={(value) => setCondition(index, { dueDate: value })}
                    />
                  </Grid.Item>
                  <Grid.Item col={1} s={2} alignItems="flex-end">
                    <IconButton
                      label={t('governance.condition.remove', 'Remove condition {n}', { n: index + 1 })}
                      variant="ghost"
                      onClick={() => setConditions((current) => current.filter((_, i) => i !== index))}
                    >
                      <Trash />
                    </IconButton>
                  </Grid.Item>
                </Grid.Root>
              ))}
              <Box>
                <Button
                  variant="secondary"
                  startIcon={<Plus />}
                  onClick={() => setConditions((current) => [...current, { text: '', owner: '', dueDate: '' }])}
                >
                  {t('governance.condition.add', 'Add condition')}
                </Button>
              </Box>
            </Flex>
          </Section>
        ) : null}

        <Section title={t('governance.hold.notesTitle', 'Notes')}>
          <TextareaField name="notes" label={t('governance.hold.notes', 'Notes')} error={at('notes')} value={notes} onChange={setNotes} />
        </Section>

        <Flex justifyContent="flex-end">
          <Button type="submit" size="L" loading={update.isLoading}>
            {t('governance.hold.submit', 'Record the decision')}
          </Button>
        </Flex>
      </Flex>
    </form>
  );
};

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Box background="neutral0" padding={5} shadow="tableShadow" hasRadius tag="section" aria-label={title}>
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography variant="delta" tag="h2">
        {title}
      </Typography>
      {children}
    </Flex>
  </Box>
);

/** The criteria grouped by standard; each answered yes or no, with notes. */
const Checklist = ({
  items,
  answers,
  unmet,
  onAnswer,
  errorAt,
  t,
}: {
  items: ChecklistItem[];
  answers?: Record<string, Answer>;
  unmet?: string[];
  onAnswer?: (key: string, change: Partial<Answer>) => void;
  errorAt?: (field: string) => string | undefined;
  t: Translate;
}) => {
  if (!items.length) {
    return (
      <Typography variant="omega" textColor="neutral600">
        {t('governance.checklist.empty', 'No published standard applies to the state this gate leads to, so there is nothing to check.')}
      </Typography>
    );
  }
  const standards = [...new Set(items.map((item) => item.standard))];
  return (
    <Flex direction="column" alignItems="stretch" gap={4} data-testid="pmo-gov-checklist">
      {standards.map((code) => {
        const criteria = items.filter((item) => item.standard === code);
        const first = criteria[0];
        return (
          <Flex key={code} direction="column" alignItems="stretch" gap={2}>
            <Flex gap={2}>
              <Typography variant="omega" fontWeight="bold">
                {`${code} · ${first.standardTitle}${first.standardVersion ? ` (v${first.standardVersion})` : ''}`}
              </Typography>
              {first.mandatory ? <Badge>{t('governance.checklist.mandatory', 'Mandatory')}</Badge> : null}
            </Flex>
            {criteria.map((item, index) => {
              const current = answers?.[item.key] ?? { met: item.met, notes: item.notes ?? '' };
              const blocking = unmet?.includes(item.key);
              const position = items.indexOf(item);
              return (
                <Box
                  key={item.key}
                  padding={3}
                  hasRadius
                  background={blocking ? 'danger100' : 'neutral100'}
                  data-testid="pmo-gov-criterion"
                  data-key={item.key}
                  data-met={current.met ?? ''}
                >
                  <Grid.Root gap={3}>
                    <Grid.Item col={6} s={12} direction="column" alignItems="flex-start">
                      <Typography variant="omega">{item.criterion}</Typography>
                      {item.mandatory && item.mustMeet ? (
                        <Typography variant="pi" textColor="danger600">
                          {t('governance.checklist.mustMeet', 'Must be met for a go')}
                        </Typography>
                      ) : null}
                    </Grid.Item>
                    <Grid.Item col={2} s={12} direction="column" alignItems="flex-start">
                      {onAnswer ? (
                        <Radio.Group
                          value={current.met ?? ''}
                          onValueChange={(value: string) => onAnswer(item.key, { met: value as 'yes' | 'no' })}
                          aria-label={t('governance.checklist.metLabel', 'Met: {criterion}', { criterion: item.criterion })}
                          style={{ flexDirection: 'row', gap: 16 }}
                        >
                          <Radio.Item value="yes">{t('governance.checklist.yes', 'Yes')}</Radio.Item>
                          <Radio.Item value="no">{t('governance.checklist.no', 'No')}</Radio.Item>
                        </Radio.Group>
                      ) : (
                        <Badge
                          backgroundColor={current.met === 'yes' ? 'success100' : current.met === 'no' ? 'danger100' : 'neutral150'}
                          textColor={current.met === 'yes' ? 'success700' : current.met === 'no' ? 'danger700' : 'neutral600'}
                        >
                          {current.met === 'yes'
                            ? t('governance.checklist.met', 'Met')
                            : current.met === 'no'
                              ? t('governance.checklist.notMet', 'Not met')
                              : t('governance.checklist.unanswered', 'Not answered')}
                        </Badge>
                      )}
                    </Grid.Item>
                    <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                      {onAnswer ? (
                        <Field.Root name={`checklist[${position}].notes`} error={errorAt?.(`checklist.${position}`)}>
                          <Field.Label>{t('governance.checklist.notes', 'Notes on criterion {n}', { n: index + 1 })}</Field.Label>
                          <TextInput value={current.notes} onChange={(e: React.ChangeEvent<HTMLInputElement>) => onAnswer(item.key, { notes: e.target.value })} />
                          <Field.Error />
                        </Field.Root>
                      ) : current.notes ? (
                        <Typography variant="pi" textColor="neutral700">
                          {current.notes}
                        </Typography>
                      ) : null}
                    </Grid.Item>
                  </Grid.Root>
                </Box>
              );
            })}
          </Flex>
        );
      })}
    </Flex>
  );
};

/** A decided review (or a scheduled one, for those who only read): the record; notes editable by managers. */
const ReviewRecord = ({ review, canManage, t }: { review: GateReview; canManage: boolean; t: Translate }) => {
  const { toggleNotification } = useNotification();
  const update = useUpdateReview();
  const [notes, setNotes] = React.useState(review.notes ?? '');
  const [message, setMessage] = React.useState<string | null>(null);
  React.useEffect(() => setNotes(review.notes ?? ''), [review.notes]);
  const saveNotes = () =>
    update.mutate(
      { documentId: review.documentId, input: { notes: notes.trim() ? notes : null } },
      {
        onSuccess: () => {
          setMessage(null);
          toggleNotification({ type: 'success', message: t('governance.review.notesSaved', 'Notes saved') });
        },
        onError: (error: PmoApiError) => setMessage(error.message),
      }
    );
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Section title={t('governance.hold.checklist', 'Checklist')}>
        <Checklist items={review.checklist} t={t} />
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
          <Flex direction="column" alignItems="stretch" gap={2}>
            {message ? (
              <Typography variant="pi" textColor="danger600" role="alert">
                {message}
              </Typography>
            ) : null}
            <Field.Root name="notes">
              <Field.Label>{t('governance.hold.notes', 'Notes')}</Field.Label>
              <Textarea value={notes} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setNotes(e.target.value)} />
            </Field.Root>
            <Box>
              <Button variant="secondary" onClick={saveNotes} loading={update.isLoading} disabled={notes === (review.notes ?? '')}>
                {t('governance.review.saveNotes', 'Save notes')}
              </Button>
            </Box>
          </Flex>
        ) : (
          <Typography>{review.notes || '—'}</Typography>
        )}
      </Section>
    </Flex>
  );
};
