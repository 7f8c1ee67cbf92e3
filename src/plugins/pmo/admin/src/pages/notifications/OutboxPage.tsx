/**
 * Settings → PMO Hub → Outbox (/admin/settings/pmo/outbox), for PMO administrators and directors:
 * every mail PMO Hub queued, by status (Waiting, Sending, Sent, Failed), each with its subject,
 * recipients, category, attempts, last error, next attempt and sent time; "Try again" on a failed
 * one (PMO administrators, after a confirmation); and the scheduled jobs below.
 */
import * as React from 'react';

import { Box, Button, Dialog, Flex, Main, Table, Tabs, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { ArrowClockwise, WarningCircle } from '@strapi/icons';
import { ConfirmDialog, Layouts, useNotification } from '@strapi/strapi/admin';
import { useSearchParams } from 'react-router-dom';

import { useOutbox, useRetryMessage, type OutboxMessageAnswer } from '../../api/notifications';
import { useCan } from '../../components/access';
import { Section } from '../../components/Section';
import { StateBadge } from '../../components/StateBadge';
import { formatMoment } from '../../utils/dates';
import { useTranslate } from '../../utils/useTranslate';
import { NOTIFICATIONS_ADMINISTER, OUTBOX_STATUSES, type OutboxStatus } from '../../../../shared/contracts/notifications';
import { JobsSection } from './JobsSection';
import { STATUS_NAMES, categoryName, errorInWords } from './words';

const STATUS_COLORS: Record<OutboxStatus, string> = {
  pending: '#D9822F',
  sending: '#4945FF',
  sent: '#328048',
  failed: '#D02B20',
};

const ALL = 'all';
const PAGE_SIZE = 25;

export const OutboxPage = () => {
  const t = useTranslate();
  const can = useCan();
  const canAdminister = can(NOTIFICATIONS_ADMINISTER);
  const [search, setSearch] = useSearchParams();
  const status = (OUTBOX_STATUSES as readonly string[]).includes(search.get('status') ?? '') ? (search.get('status') as OutboxStatus) : undefined;
  const page = Math.max(1, Number(search.get('page')) || 1);
  const outbox = useOutbox(status, page, PAGE_SIZE);
  const counts = outbox.data?.counts ?? {};
  const total = OUTBOX_STATUSES.reduce((sum, key) => sum + (counts[key] ?? 0), 0);

  const go = (next: { status?: string; page?: number }) => {
    const params = new URLSearchParams(search);
    if (next.status !== undefined) {
      if (next.status === ALL) params.delete('status');
      else params.set('status', next.status);
      params.delete('page');
    }
    if (next.page !== undefined) params.set('page', String(next.page));
    setSearch(params, { replace: true });
  };

  const tabLabel = (key: OutboxStatus | typeof ALL) =>
    key === ALL
      ? t('outbox.tab.all', 'All ({count})', { count: total })
      : t('outbox.tab.status', '{status} ({count})', { status: STATUS_NAMES[key], count: counts[key] ?? 0 });

  const messages = outbox.data?.results ?? [];
  const pageCount = outbox.data?.pagination.pageCount ?? 1;

  const body = (
    <>
      {outbox.error ? (
        <Typography textColor="danger600" role="alert">
          {t('outbox.error', 'The outbox could not be loaded: {message}', { message: outbox.error.message })}
        </Typography>
      ) : null}
      {outbox.data && messages.length === 0 ? (
        <Typography textColor="neutral600" data-testid="pmo-outbox-empty">
          {status
            ? t('outbox.emptyStatus', 'No message is {status} at the moment.', { status: STATUS_NAMES[status].toLowerCase() })
            : t('outbox.empty', 'No mail has been queued yet.')}
        </Typography>
      ) : null}
      {messages.length ? <MessageTable messages={messages} canRetry={canAdminister} /> : null}
      {pageCount > 1 ? (
        <Flex gap={2} justifyContent="flex-end" alignItems="center">
          <Button variant="tertiary" size="S" disabled={page <= 1} onClick={() => go({ page: page - 1 })}>
            {t('outbox.previous', 'Newer')}
          </Button>
          <Typography variant="pi">{t('outbox.page', 'Page {page} of {count}', { page, count: pageCount })}</Typography>
          <Button variant="tertiary" size="S" disabled={page >= pageCount} onClick={() => go({ page: page + 1 })}>
            {t('outbox.next', 'Older')}
          </Button>
        </Flex>
      ) : null}
    </>
  );

  return (
    <Main>
      <Layouts.Header
        title={t('outbox.title', 'Outbox')}
        subtitle={t('outbox.subtitle', 'Every mail PMO Hub sends: waiting, being sent, sent or failed, with what happened at each attempt.')}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Section title={t('outbox.messages', 'Messages')} data-testid="pmo-outbox">
            <Tabs.Root value={status ?? ALL} onValueChange={(value: string) => go({ status: value })}>
              <Tabs.List aria-label={t('outbox.byStatus', 'Messages by status')}>
                {([ALL, ...OUTBOX_STATUSES] as const).map((key) => (
                  <Tabs.Trigger key={key} value={key} data-testid={`pmo-outbox-tab-${key}`}>
                    {tabLabel(key)}
                  </Tabs.Trigger>
                ))}
              </Tabs.List>
              {/* One panel per tab, as the tabs name them; only the chosen one is drawn. */}
              {([ALL, ...OUTBOX_STATUSES] as const).map((key) => (
                <Tabs.Content key={key} value={key}>
                  <Flex direction="column" alignItems="stretch" gap={4} paddingTop={4}>
                    {key === (status ?? ALL) ? body : null}
                  </Flex>
                </Tabs.Content>
              ))}
            </Tabs.Root>
          </Section>
          <JobsSection canRun={canAdminister} />
        </Flex>
      </Layouts.Content>
    </Main>
  );
};

const wrap: React.CSSProperties = { whiteSpace: 'normal', overflowWrap: 'anywhere' };

const MessageTable = ({ messages, canRetry }: { messages: OutboxMessageAnswer[]; canRetry: boolean }) => {
  const t = useTranslate();
  const [confirming, setConfirming] = React.useState<OutboxMessageAnswer | null>(null);
  const retry = useRetryMessage();
  const { toggleNotification } = useNotification();

  const onRetry = async () => {
    if (!confirming) return;
    try {
      await retry.mutateAsync(confirming.documentId);
      toggleNotification({
        type: 'success',
        message: t('outbox.retried', 'The message will be sent again with the next delivery.'),
      });
    } catch (error) {
      toggleNotification({ type: 'danger', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setConfirming(null);
    }
  };

  return (
    <>
      <Table colCount={canRetry ? 5 : 4} rowCount={messages.length + 1}>
        <Thead>
          <Tr>
            <Th><Typography variant="sigma">{t('outbox.col.message', 'Message')}</Typography></Th>
            <Th><Typography variant="sigma">{t('outbox.col.status', 'Status')}</Typography></Th>
            <Th><Typography variant="sigma">{t('outbox.col.when', 'When')}</Typography></Th>
            <Th><Typography variant="sigma">{t('outbox.col.error', 'Last error')}</Typography></Th>
            {canRetry ? <Th><Typography variant="sigma">{t('outbox.col.actions', 'Actions')}</Typography></Th> : null}
          </Tr>
        </Thead>
        <Tbody>
          {messages.map((message) => (
            <Tr key={message.documentId} data-testid="pmo-outbox-message" data-status={message.status} data-subject={message.subject ?? ''}>
              <Td style={{ ...wrap, maxWidth: 380 }}>
                <Flex direction="column" alignItems="flex-start" gap={1}>
                  <Typography fontWeight="bold" style={wrap}>
                    {message.subject || t('outbox.noSubject', '(no subject)')}
                  </Typography>
                  <Typography variant="pi" textColor="neutral600" style={wrap}>
                    {t('outbox.to', 'To {recipients}', { recipients: message.recipients.join(', ') })}
                  </Typography>
                  <Typography variant="pi" textColor="neutral600">
                    {categoryName(message.category)}
                  </Typography>
                </Flex>
              </Td>
              <Td>
                <Flex direction="column" alignItems="flex-start" gap={1}>
                  <StateBadge name={STATUS_NAMES[message.status]} color={STATUS_COLORS[message.status]} />
                  <Typography variant="pi" textColor="neutral600">
                    {t('outbox.attempts', '{count, plural, =0 {Not tried yet} one {# attempt} other {# attempts}}', { count: message.attempts })}
                  </Typography>
                </Flex>
              </Td>
              <Td style={wrap}>
                <Typography variant="pi" style={wrap}>
                  {timing(message, t)}
                </Typography>
              </Td>
              <Td style={{ ...wrap, maxWidth: 300 }}>
                <Typography variant="pi" textColor={message.lastError ? 'danger700' : 'neutral600'} style={wrap} data-testid="pmo-outbox-error">
                  {errorInWords(message.lastError) ?? t('outbox.noError', 'None')}
                </Typography>
              </Td>
              {canRetry ? (
                <Td>
                  {message.status === 'failed' ? (
                    <Button
                      variant="secondary"
                      size="S"
                      startIcon={<ArrowClockwise />}
                      onClick={() => setConfirming(message)}
                      aria-label={t('outbox.retryNamed', 'Try again: “{subject}”', { subject: message.subject ?? '' })}
                    >
                      {t('outbox.retry', 'Try again')}
                    </Button>
                  ) : null}
                </Td>
              ) : null}
            </Tr>
          ))}
        </Tbody>
      </Table>
      <Dialog.Root open={confirming !== null} onOpenChange={(open: boolean) => (open ? undefined : setConfirming(null))}>
        <ConfirmDialog onConfirm={onRetry} variant="default" icon={<WarningCircle />} title={t('outbox.retryTitle', 'Send this message again?')}>
          {t(
            'outbox.retryConfirm',
            '“{subject}” to {recipients} gets one more attempt with the next delivery. If the mail server refuses it again, it fails again.',
            { subject: confirming?.subject ?? '', recipients: confirming?.recipients.join(', ') ?? '' }
          )}
        </ConfirmDialog>
      </Dialog.Root>
    </>
  );
};

/** When it was sent, or when it is tried next, in words. */
function timing(message: OutboxMessageAnswer, t: ReturnType<typeof useTranslate>): string {
  if (message.digestedInto) return t('outbox.inDigest', 'Sent in a daily digest, {when}', { when: formatMoment(message.sentAt) });
  if (message.status === 'sent') return t('outbox.sentAt', 'Sent {when}', { when: formatMoment(message.sentAt) });
  if (message.heldForDigest) return t('outbox.heldForDigest', 'Kept for its reader’s daily digest');
  if (message.status === 'failed') return t('outbox.gaveUp', 'Not sent; no further attempt unless tried again');
  if (message.status === 'sending') return t('outbox.sendingNow', 'Being sent now');
  return message.nextAttemptAt
    ? t('outbox.nextAttempt', 'Next attempt {when}', { when: formatMoment(message.nextAttemptAt) })
    : t('outbox.nextDelivery', 'With the next delivery');
}
