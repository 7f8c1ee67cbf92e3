/**
 * Log a session (…/relationships/:id/sessions/new), prefilled by the server with the open action
 * items of the earlier sessions, or change one (…/sessions/:sessionId/edit). Only the mentor
 * gets here with a form; the server refuses anyone else.
 */
import * as React from 'react';

import { Box, Button, Dialog, Flex, Link, Typography } from '@strapi/design-system';
import { ArrowLeft, Check, Trash, WarningCircle } from '@strapi/icons';
import { ConfirmDialog, Form, Layouts, Page, useForm, useNotification, type FormHelpers } from '@strapi/strapi/admin';
import { NavLink, useNavigate, useParams } from 'react-router-dom';

import { sessionCreate, sessionUpdate } from '../../../../../shared/contracts/mentoring';
import type { PmoApiError } from '../../../api/client';
import {
  useDeleteSession,
  useNextSession,
  useRelationship,
  useSaveSession,
  useSession,
  useTimeline,
  type MentoringRelationship,
  type MentoringSession,
  type NextSession,
  type SessionCreate,
  type SessionUpdate,
} from '../../../api/mentoring';
import { contractValidate, formErrors } from '../../../components/form';
import { PageError } from '../../../components/PageError';
import { useTranslate } from '../../../utils/useTranslate';
import { personName, useFormatDay } from '../display';
import { MENTORING_PATH } from '../relationship/RelationshipPage';
import { sessionBody, valuesFromNext, valuesFromSession, type SessionValues } from './model';
import { SessionForm, type RatingRow } from './SessionForm';

/** The form's values, and the body `validate` makes of them, as Strapi's `Form` carries both. */
type FormValues = Record<string, unknown>;

export const SessionFormPage = () => {
  const { relationshipId, sessionId } = useParams<{ relationshipId: string; sessionId?: string }>();
  const t = useTranslate();
  const relationship = useRelationship(relationshipId);
  const timeline = useTimeline(relationshipId);
  const editing = sessionId !== undefined;
  const next = useNextSession(relationshipId, !editing);
  const session = useSession(sessionId);

  const loading = relationship.isLoading || timeline.isLoading || (editing ? session.isLoading : next.isLoading);
  if (loading) return <Page.Loading />;
  const error = relationship.error ?? timeline.error ?? (editing ? session.error : next.error);
  if (error || !relationship.data || !timeline.data || (editing ? !session.data : !next.data)) {
    return <PageError content={error?.message ?? t('mentoring.relationship.notFound', 'This mentoring relationship was not found.')} />;
  }
  if (!relationship.data.permissions.logSessions) {
    return <PageError content={t('mentoring.form.notMentor', 'Only the mentor of this relationship logs its sessions.')} />;
  }
  const sessionDates = new Map(timeline.data.sessions.map((s) => [s.documentId, s.date]));
  return (
    <SessionEditor
      key={sessionId ?? 'new'}
      relationship={relationship.data}
      next={editing ? undefined : next.data}
      session={editing ? session.data : undefined}
      sessionDates={sessionDates}
      timeline={timeline.data.sessions}
    />
  );
};

function ratingRowsFor(
  relationship: MentoringRelationship,
  next: NextSession | undefined,
  session: MentoringSession | undefined,
  timeline: MentoringSession[]
): RatingRow[] {
  if (next) return next.focusCompetencies;
  // Editing: "last rated" means in the sessions before this one.
  const earlier = timeline.slice(0, Math.max(0, timeline.findIndex((s) => s.documentId === session?.documentId)));
  const previous = (competency: string) => {
    for (const s of [...earlier].reverse()) {
      const found = s.ratings.find((r) => r.competency.documentId === competency);
      if (found) return { rating: found.rating, date: s.date };
    }
    return null;
  };
  const rows: RatingRow[] = relationship.focusCompetencies.map((competency) => ({ competency, previous: previous(competency.documentId) }));
  // A competency rated in this session that is no longer in focus still shows, so it can be changed.
  for (const { competency } of session?.ratings ?? []) {
    if (!rows.some((row) => row.competency.documentId === competency.documentId)) {
      rows.push({ competency, previous: previous(competency.documentId) });
    }
  }
  return rows;
}

const SessionEditor = ({
  relationship,
  next,
  session,
  sessionDates,
  timeline,
}: {
  relationship: MentoringRelationship;
  next?: NextSession;
  session?: MentoringSession;
  sessionDates: Map<string, string>;
  timeline: MentoringSession[];
}) => {
  const t = useTranslate();
  const formatDay = useFormatDay();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const save = useSaveSession();
  const remove = useDeleteSession();
  const ratingRows = React.useMemo(
    () => ratingRowsFor(relationship, next, session, timeline),
    [relationship, next, session, timeline]
  );
  const initialValues = React.useMemo(() => (session ? valuesFromSession(session) : valuesFromNext(next!)), [session, next]);
  const [confirmDelete, setConfirmDelete] = React.useState(false);
  const back = `${MENTORING_PATH}/relationships/${encodeURIComponent(relationship.documentId)}`;
  const showConfidential = relationship.permissions.seeConfidentialNotes;

  // The body is judged by the route's contract before it is sent, and by the server after.
  const validate = contractValidate(session ? sessionUpdate : sessionCreate, (values: FormValues) =>
    sessionBody(values as SessionValues, {
      confidential: showConfidential,
      ...(session ? { revision: session.revision } : { relationship: relationship.documentId }),
    })
  );

  // `Form` hands over what `validate` answered: the contract's output, the body to send.
  const onSubmit = async (body: FormValues, { setErrors }: FormHelpers<FormValues>) => {
    try {
      await (session
        ? save.mutateAsync({ documentId: session.documentId, input: body as SessionUpdate })
        : save.mutateAsync({ input: body as SessionCreate }));
    } catch (error) {
      setErrors(formErrors(error));
      return;
    }
    toggleNotification({
      type: 'success',
      message: session ? t('mentoring.form.saved', 'Session saved') : t('mentoring.form.logged', 'Session logged'),
    });
    navigate(back);
  };

  const onDelete = async () => {
    if (!session) return;
    try {
      await remove.mutateAsync(session.documentId);
      toggleNotification({ type: 'success', message: t('mentoring.form.deleted', 'Session deleted') });
      navigate(back);
    } catch (error) {
      toggleNotification({ type: 'danger', message: (error as PmoApiError).message });
    }
  };

  const title = session
    ? t('mentoring.form.editTitle', 'The session of {date}', { date: formatDay(session.date) })
    : t('mentoring.form.newTitle', 'Log a session');
  const saveLabel = session ? t('mentoring.form.save', 'Save') : t('mentoring.form.submit', 'Log session');

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Form<FormValues>
        method={session ? 'PUT' : 'POST'}
        width="100%"
        height="auto"
        initialValues={initialValues}
        validate={validate}
        onSubmit={onSubmit}
      >
        <Layouts.Header
          navigationAction={
            <Link tag={NavLink} to={back} startIcon={<ArrowLeft />}>
              {t('mentoring.form.back', 'Back to the relationship')}
            </Link>
          }
          title={title}
          subtitle={t('mentoring.form.subtitle', '{mentor} mentoring {mentee}{last}', {
            mentor: personName(relationship.mentor),
            mentee: personName(relationship.mentee),
            last:
              next?.lastSession
                ? t('mentoring.form.lastSession', ' · last session {date}', { date: formatDay(next.lastSession.date) })
                : '',
          })}
          primaryAction={
            <Flex gap={2}>
              {session ? (
                <Button variant="danger-light" startIcon={<Trash />} onClick={() => setConfirmDelete(true)}>
                  {t('mentoring.form.delete', 'Delete')}
                </Button>
              ) : null}
              <Button type="submit" startIcon={<Check />} loading={save.isLoading} data-testid="pmo-session-save">
                {saveLabel}
              </Button>
            </Flex>
          }
        />
        <Layouts.Content>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Refusal />
            <SessionForm ratingRows={ratingRows} sessionDates={sessionDates} showConfidential={showConfidential} />
            <Flex justifyContent="flex-end" gap={2}>
              <Button variant="tertiary" onClick={() => navigate(back)}>
                {t('mentoring.form.cancel', 'Cancel')}
              </Button>
              <Button type="submit" startIcon={<Check />} loading={save.isLoading}>
                {saveLabel}
              </Button>
            </Flex>
          </Flex>
        </Layouts.Content>
      </Form>
      <Dialog.Root open={confirmDelete} onOpenChange={setConfirmDelete}>
        <ConfirmDialog onConfirm={onDelete} variant="danger" icon={<WarningCircle />}>
          {t(
            'mentoring.form.deleteConfirm',
            'Delete this session, its ratings and notes? Action items it carried forward become open again on their earlier sessions.'
          )}
        </ConfirmDialog>
      </Dialog.Root>
    </Page.Main>
  );
};

/** "Not saved", with the server's words when its refusal names no field (403, 409), above the fields. */
const Refusal = () => {
  const t = useTranslate();
  const errors = useForm('Refusal', (state) => state.errors) as Record<string, unknown>;
  if (Object.keys(errors).length === 0) return null;
  const message = typeof errors[''] === 'string' ? errors[''] : t('mentoring.form.checkFields', 'Check the fields marked below.');
  return (
    <Box background="danger100" borderColor="danger200" padding={4} hasRadius role="alert" data-testid="pmo-session-refused">
      <Typography variant="omega" fontWeight="bold" textColor="danger700">
        {t('mentoring.form.refused', 'Not saved.')}
      </Typography>{' '}
      <Typography variant="omega" textColor="danger700">
        {message}
      </Typography>
    </Box>
  );
};
