/**
 * A gate review's checklist: the criteria of the standards that apply, grouped by standard. Held
 * reviews show each answer; while holding one (`answering`, inside the hold form), each criterion
 * is answered yes or no with notes, as the form's `checklist.<n>` (same order as the criteria),
 * except those the server answers from the facts (`automatic`), shown with their result and why.
 * "Must be met for a go" is a quiet hint; it turns into an error only when such a criterion is not
 * met while the decision chosen is a go (or conditional go), or when the server refused it.
 */
import * as React from 'react';

import { Badge, Box, Field, Flex, Grid, Radio, Typography } from '@strapi/design-system';
import { useField } from '@strapi/strapi/admin';

import { PASSING_DECISIONS, type ChecklistItem, type GateDecision } from '../../api/governance';
import { TextField } from '../../components/fields';
import type { Translate } from '../../utils/useTranslate';

/** An answer as the hold form keeps it. */
export type Answer = { key: string; met: 'yes' | 'no' | null; notes: string };

type Props = {
  items: ChecklistItem[];
  /** Answer in the hold form instead of showing the recorded answers. */
  answering?: boolean;
  /** Keys of the must-meet criteria the server said are not met: shown in red. */
  unmet?: string[];
  t: Translate;
};

export const ReviewChecklist = ({ items, answering = false, unmet = [], t }: Props) => {
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
            {criteria.map((item, index) =>
              answering ? (
                <AnsweredCriterion key={item.key} item={item} position={items.indexOf(item)} number={index + 1} blocking={unmet.includes(item.key)} t={t} />
              ) : (
                <Criterion key={item.key} item={item} met={item.met} t={t}>
                  <Result item={item} t={t} />
                  {item.notes ? (
                    <Typography variant="pi" textColor="neutral700">
                      {item.notes}
                    </Typography>
                  ) : null}
                </Criterion>
              )
            )}
          </Flex>
        );
      })}
    </Flex>
  );
};

/** A recorded (or automatic) answer as a badge: met, not met, not answered. */
const Result = ({ item, t }: { item: ChecklistItem; t: Translate }) => (
  <Flex direction="column" alignItems="flex-start" gap={1}>
    <Badge
      backgroundColor={item.met === 'yes' ? 'success100' : item.met === 'no' ? 'danger100' : 'neutral150'}
      textColor={item.met === 'yes' ? 'success700' : item.met === 'no' ? 'danger700' : 'neutral600'}
      data-testid="pmo-gov-criterion-result"
    >
      {item.met === 'yes'
        ? t('governance.checklist.met', 'Met')
        : item.met === 'no'
          ? t('governance.checklist.notMet', 'Not met')
          : t('governance.checklist.unanswered', 'Not answered')}
    </Badge>
    {item.automatic ? (
      <Typography variant="pi" textColor="neutral600">
        {t('governance.checklist.automatic', 'Checked by PMO Hub')}
      </Typography>
    ) : null}
  </Flex>
);

/** One criterion's row: the criterion, then its answer and its notes (`children`). */
const Criterion = ({
  item,
  met,
  blocking = false,
  t,
  children,
}: {
  item: ChecklistItem;
  met: Answer['met'];
  blocking?: boolean;
  t: Translate;
  children: [React.ReactNode, React.ReactNode];
}) => (
  <Box
    padding={3}
    hasRadius
    background={blocking ? 'danger100' : 'neutral100'}
    data-testid="pmo-gov-criterion"
    data-key={item.key}
    data-met={met ?? ''}
    data-blocking={blocking}
  >
    <Grid.Root gap={3}>
      <Grid.Item col={6} s={12} direction="column" alignItems="flex-start">
        <Typography variant="omega">{item.criterion}</Typography>
        {item.mandatory && item.mustMeet ? (
          blocking ? (
            <Typography variant="pi" fontWeight="semiBold" textColor="danger700" data-testid="pmo-gov-must-meet" data-error="true">
              {t('governance.checklist.mustMeetUnmet', 'Must be met for a go: not met')}
            </Typography>
          ) : (
            <Typography variant="pi" textColor="neutral600" data-testid="pmo-gov-must-meet" data-error="false">
              {t('governance.checklist.mustMeet', 'Must be met for a go')}
            </Typography>
          )
        ) : null}
      </Grid.Item>
      <Grid.Item col={2} s={12} direction="column" alignItems="flex-start">
        {children[0]}
      </Grid.Item>
      <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
        {children[1]}
      </Grid.Item>
    </Grid.Root>
  </Box>
);

/** A criterion answered in the hold form: `checklist.<position>.met` and `.notes`. */
const AnsweredCriterion = ({ item, position, number, blocking, t }: { item: ChecklistItem; position: number; number: number; blocking: boolean; t: Translate }) => {
  const met = useField(`checklist.${position}.met`);
  const decision = useField('decision').value as GateDecision | '' | undefined;
  const value = item.automatic ? item.met : ((met.value as Answer['met']) ?? null);
  // Red only when it matters: a must-meet criterion of a mandatory standard unmet under a go.
  const unmetForGo = item.mandatory && item.mustMeet && value !== 'yes' && !!decision && PASSING_DECISIONS.includes(decision);
  if (item.automatic) {
    return (
      <Criterion item={item} met={value} blocking={blocking || unmetForGo} t={t}>
        <Result item={item} t={t} />
        <Typography variant="pi" textColor="neutral700">
          {item.notes}
        </Typography>
      </Criterion>
    );
  }
  return (
    <Criterion item={item} met={value} blocking={blocking || unmetForGo} t={t}>
      <Field.Root name={`checklist.${position}.met`} error={met.error}>
        <Radio.Group
          value={(met.value as string | null) ?? ''}
          onValueChange={(value: string) => met.onChange(`checklist.${position}.met`, value)}
          aria-label={t('governance.checklist.metLabel', 'Met: {criterion}', { criterion: item.criterion })}
          style={{ flexDirection: 'row', gap: 16 }}
        >
          <Radio.Item value="yes">{t('governance.checklist.yes', 'Yes')}</Radio.Item>
          <Radio.Item value="no">{t('governance.checklist.no', 'No')}</Radio.Item>
        </Radio.Group>
        <Field.Error />
      </Field.Root>
      <TextField name={`checklist.${position}.notes`} label={t('governance.checklist.notes', 'Notes on criterion {n}', { n: number })} />
    </Criterion>
  );
};
