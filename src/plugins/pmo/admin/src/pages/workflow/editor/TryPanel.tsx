/**
 * "Try it": choose an item of the workflow's type, a person and a transition, and see whether
 * that person may fire it on that item now, and if not, everything that blocks it, without
 * firing it (POST /pmo/workflows/:key/try). It judges the saved version of the workflow.
 */
import * as React from 'react';

import {
  Box,
  Button,
  Combobox,
  ComboboxOption,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { useDebounce } from '@strapi/strapi/admin';

import { useTryItems, useTryTransition, useTryUsers, type TryAnswer, type TryItem, type TryUser } from '../../../api/workflowTry';
import type { WorkflowDefinition } from '../../../../../shared/contracts/workflow';
import { useTranslate } from '../../../utils/useTranslate';

type Props = { workflowKey: string; saved: WorkflowDefinition; dirty: boolean };

export const TryPanel = ({ workflowKey, saved, dirty }: Props) => {
  const t = useTranslate();
  const [text, setText] = React.useState('');
  const [open, setOpen] = React.useState(false);
  const [item, setItem] = React.useState<TryItem | null>(null);
  const [user, setUser] = React.useState<TryUser | null>(null);
  const [userText, setUserText] = React.useState('');
  const [userOpen, setUserOpen] = React.useState(false);
  const [transition, setTransition] = React.useState<string>('');
  const typed = item && text === item.label ? '' : text;
  const query = useDebounce(typed, 250);
  const items = useTryItems(workflowKey, query.trim(), true);
  const userLabel = (option: TryUser) => (option.roles.length ? `${option.name} (${option.roles.join(', ')})` : option.name);
  const userTyped = user && userText === userLabel(user) ? '' : userText;
  const userQuery = useDebounce(userTyped, 250);
  const users = useTryUsers(workflowKey, userQuery.trim(), true);
  const verdict = useTryTransition(workflowKey);
  const [answer, setAnswer] = React.useState<{ verdict: TryAnswer; who: string; what: string; how: string } | null>(null);

  const options = [...(items.data ?? []), ...(item && !(items.data ?? []).some((i) => i.documentId === item.documentId) ? [item] : [])];
  const userOptions = [...(users.data ?? []), ...(user && !(users.data ?? []).some((u) => u.id === user.id) ? [user] : [])];
  const chosen = saved.transitions.find((tr) => tr.key === transition);
  const ready = Boolean(item && user && chosen);

  // A new choice makes the last answer stale.
  React.useEffect(() => setAnswer(null), [item, user, transition]);

  const onTry = async () => {
    if (!item || !user || !chosen) return;
    try {
      const result = await verdict.mutateAsync({ documentId: item.documentId, transition: chosen.key, asUser: user.id });
      setAnswer({ verdict: result, who: user.name, what: item.label, how: chosen.label });
    } catch {
      setAnswer(null);
    }
  };

  return (
    <Box background="neutral0" padding={4} shadow="filterShadow" hasRadius data-testid="pmo-wf-try" tag="section" aria-labelledby="pmo-wf-try-title">
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography variant="delta" tag="h2" id="pmo-wf-try-title">
            {t('workflow.try.title', 'Try it')}
          </Typography>
          <Typography variant="pi" textColor="neutral700">
            {t('workflow.try.hint', 'Would this person be allowed to fire this transition on this item now? Nothing is fired.')}
          </Typography>
          {dirty ? (
            <Typography variant="pi" textColor="warning700" data-testid="pmo-wf-try-saved-only">
              {t('workflow.try.savedOnly', 'It tries the saved version: save your changes to try them.')}
            </Typography>
          ) : null}
        </Flex>

        <Field.Root name="try-item" id="pmo-wf-try-item" error={items.error?.message}>
          <Field.Label>{t('workflow.try.item', 'Item')}</Field.Label>
          <Combobox
            autocomplete="none"
            value={item?.documentId ?? ''}
            onChange={(documentId?: string) => {
              const next = options.find((option) => option.documentId === documentId) ?? null;
              setItem(next);
              setText(next?.label ?? '');
            }}
            textValue={text}
            onTextValueChange={(next?: string) => setText(next ?? '')}
            onInputChange={() => setOpen(true)}
            open={open}
            onOpenChange={setOpen}
            loading={items.isFetching}
            loadingMessage={t('search.loading', 'Searching…')}
            noOptionsMessage={() => t('workflow.try.noItems', 'Nothing found')}
            placeholder={t('workflow.try.itemPlaceholder', 'Type a name or a code')}
          >
            {options.map((option) => (
              <ComboboxOption key={option.documentId} value={option.documentId} textValue={option.label}>
                {t('workflow.try.itemOption', '{label} · {state}', { label: option.label, state: option.state })}
              </ComboboxOption>
            ))}
          </Combobox>
          <Field.Error />
        </Field.Root>

        <Field.Root name="try-user" id="pmo-wf-try-user" error={users.error?.message}>
          <Field.Label>{t('workflow.try.user', 'Person')}</Field.Label>
          {/* Found as one types (name or email), never every login: a large PMO has thousands. */}
          <Combobox
            autocomplete="none"
            value={user ? String(user.id) : ''}
            onChange={(id?: string) => {
              const next = userOptions.find((option) => String(option.id) === id) ?? null;
              setUser(next);
              setUserText(next ? userLabel(next) : '');
            }}
            textValue={userText}
            onTextValueChange={(next?: string) => setUserText(next ?? '')}
            onInputChange={() => setUserOpen(true)}
            open={userOpen}
            onOpenChange={setUserOpen}
            loading={users.isFetching}
            loadingMessage={t('search.loading', 'Searching…')}
            noOptionsMessage={() => t('workflow.try.noUsers', 'Nobody found')}
            placeholder={t('workflow.try.userPlaceholder', 'Type a name or an email')}
          >
            {userOptions.map((option) => (
              <ComboboxOption key={option.id} value={String(option.id)} textValue={userLabel(option)}>
                {userLabel(option)}
              </ComboboxOption>
            ))}
          </Combobox>
          <Field.Error />
        </Field.Root>

        <Field.Root name="try-transition" id="pmo-wf-try-transition">
          <Field.Label>{t('workflow.try.transition', 'Transition')}</Field.Label>
          <SingleSelect
            value={transition || undefined}
            onChange={(next: string | number) => setTransition(String(next))}
            placeholder={t('workflow.try.transitionPlaceholder', 'Choose a transition')}
          >
            {saved.transitions.map((option) => (
              <SingleSelectOption key={option.key} value={option.key}>
                {option.label}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>

        <Flex gap={2}>
          <Button variant="secondary" onClick={onTry} disabled={!ready} loading={verdict.isLoading} data-testid="pmo-wf-try-run">
            {t('workflow.try.run', 'Try')}
          </Button>
        </Flex>

        {verdict.error ? (
          <Typography variant="pi" textColor="danger700" role="alert">
            {verdict.error.message}
          </Typography>
        ) : null}
        {answer ? <Verdict {...answer} /> : null}
      </Flex>
    </Box>
  );
};

const Verdict = ({ verdict, who, what, how }: { verdict: TryAnswer; who: string; what: string; how: string }) => {
  const t = useTranslate();
  const allowed = verdict.allowed;
  return (
    <Box
      background={allowed ? 'success100' : 'danger100'}
      borderColor={allowed ? 'success200' : 'danger200'}
      padding={3}
      hasRadius
      role="status"
      data-testid="pmo-wf-try-answer"
      data-allowed={allowed ? 'true' : 'false'}
    >
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography variant="omega" fontWeight="bold" textColor={allowed ? 'success700' : 'danger700'}>
          {allowed
            ? t('workflow.try.allowed', 'Allowed: {who} may “{how}” on {what} ({from} → {to}).', { who, how, what, from: verdict.state, to: verdict.to })
            : t('workflow.try.blocked', 'Blocked: {who} may not “{how}” on {what} now.', { who, how, what })}
        </Typography>
        {allowed && verdict.approvals ? (
          <Typography variant="pi" textColor="neutral800">
            {t('workflow.try.approvals', 'Their approval would be {n} of the {quorum} needed.', {
              n: verdict.approvals.votes + 1,
              quorum: verdict.approvals.quorum,
            })}
          </Typography>
        ) : null}
        {allowed && verdict.requireComment ? (
          <Typography variant="pi" textColor="neutral800">
            {t('workflow.try.comment', 'They would have to give a comment.')}
          </Typography>
        ) : null}
        {verdict.blockers.length ? (
          <Flex direction="column" alignItems="stretch" gap={1} tag="ul" style={{ margin: 0, paddingLeft: 20 }}>
            {verdict.blockers.map((blocker, index) => (
              <Typography key={index} tag="li" variant="pi" textColor="neutral800" data-testid="pmo-wf-try-blocker" data-kind={blocker.kind}>
                {blocker.message}
              </Typography>
            ))}
          </Flex>
        ) : null}
      </Flex>
    </Box>
  );
};
