/**
 * My notifications (/admin/plugins/pmo/my-notifications): how the signed-in person hears of each
 * category — immediately, in the daily digest, or not at all. Approvals and escalations cannot be
 * turned off (the choice is disabled, and a hint says why). The contract checks the choices before
 * they are sent; the server's refusal shows beside the category it names.
 */
import * as React from 'react';

import { Box, Button, Field, Flex, Link, Loader, Main, Radio, Typography } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { Form, Layouts, useField, useNotification } from '@strapi/strapi/admin';
import { NavLink } from 'react-router-dom';

import { toPmoApiError } from '../../api/client';
import { usePreferences, useSavePreferences, type PreferencesAnswer } from '../../api/notifications';
import { messageOf } from '../../components/fields';
import { contractForm, formErrors } from '../../components/form';
import { Section } from '../../components/Section';
import { PLUGIN_ID } from '../../pluginId';
import { useTranslate, type Translate } from '../../utils/useTranslate';
import { preferencesInput, type NotificationCategory, type NotificationMode } from '../../../../shared/contracts/notifications';
import { categoryName } from './words';

type Values = { preferences: Array<{ category: NotificationCategory; mode: NotificationMode }> };

/** The daily digest is how digest readers get the rest: it is not itself a choice. */
const CHOOSABLE = (preference: { category: NotificationCategory }) => preference.category !== 'digest';

const modeNames = (t: Translate): Record<NotificationMode, string> => ({
  immediate: t('prefs.mode.immediate', 'Immediately'),
  digest: t('prefs.mode.digest', 'Daily digest'),
  off: t('prefs.mode.off', 'Off'),
});

export const PreferencesPage = () => {
  const t = useTranslate();
  const preferences = usePreferences();
  return (
    <Main>
      <Layouts.Header
        title={t('prefs.title', 'My notifications')}
        subtitle={t('prefs.subtitle', 'How PMO Hub tells you about what waits for you: at once, in one mail a day, or not at all.')}
        navigationAction={
          <Link tag={NavLink} to={`/plugins/${PLUGIN_ID}/my-work`}>
            {t('myWork.title', 'My work')}
          </Link>
        }
      />
      <Layouts.Content>
        {preferences.isLoading ? <Loader>{t('prefs.loading', 'Loading your notification settings')}</Loader> : null}
        {preferences.error ? (
          <Typography textColor="danger600" role="alert">
            {t('prefs.error', 'Your notification settings could not be loaded: {message}', { message: preferences.error.message })}
          </Typography>
        ) : null}
        {preferences.data ? <PreferencesForm answer={preferences.data} /> : null}
      </Layouts.Content>
    </Main>
  );
};

const PreferencesForm = ({ answer }: { answer: PreferencesAnswer }) => {
  const t = useTranslate();
  const save = useSavePreferences();
  const { toggleNotification } = useNotification();
  const [refusal, setRefusal] = React.useState<string | null>(null);
  const shown = answer.preferences.filter(CHOOSABLE);
  const initialValues = React.useMemo<Values>(
    () => ({ preferences: shown.map(({ category, mode }) => ({ category, mode })) }),
    // A save answers the stored choices: the form starts again from them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [answer]
  );
  const form = contractForm(preferencesInput, (values: Values) => values, async (body, { setErrors }) => {
    setRefusal(null);
    try {
      await save.mutateAsync(body);
      toggleNotification({ type: 'success', message: t('prefs.saved', 'Your notification settings are saved') });
    } catch (error) {
      setErrors(formErrors(error));
      setRefusal(toPmoApiError(error).message);
    }
  });

  if (!answer.person) {
    return (
      <Section title={t('prefs.noPerson.title', 'Not in People yet')}>
        <Typography data-testid="pmo-prefs-no-person">
          {t(
            'prefs.noPerson',
            'Your email matches nobody in People, so PMO Hub cannot keep notification settings for you. A PMO administrator can add you to People.'
          )}
        </Typography>
      </Section>
    );
  }

  return (
    <Form method="PUT" initialValues={initialValues} width="100%" height="auto" {...form}>
      {({ isSubmitting }) => (
        <Flex direction="column" alignItems="stretch" gap={4}>
          {refusal ? (
            <Box background="danger100" padding={4} hasRadius role="alert">
              <Typography textColor="danger700">{t('prefs.refused', 'Not saved: {message}', { message: refusal })}</Typography>
            </Box>
          ) : null}
          <Section
            title={t('prefs.section', 'Mail to {email}', { email: answer.person!.email })}
            action={
              <Button type="submit" startIcon={<Check />} loading={isSubmitting} data-testid="pmo-prefs-save">
                {t('prefs.save', 'Save notification settings')}
              </Button>
            }
          >
            <Typography variant="omega" textColor="neutral600">
              {t(
                'prefs.digestHint',
                'A daily digest gathers everything of the day in one mail, sent with the morning reminders.'
              )}
            </Typography>
            <Flex direction="column" alignItems="stretch" gap={0} tag="ul" style={{ margin: 0, padding: 0 }} data-testid="pmo-prefs">
              {shown.map((preference, index) => (
                <CategoryChoice key={preference.category} index={index} category={preference.category} canTurnOff={preference.canTurnOff} />
              ))}
            </Flex>
          </Section>
        </Flex>
      )}
    </Form>
  );
};

/** One category: its name and the three choices, with why "Off" is not offered where it is not. */
const CategoryChoice = ({ index, category, canTurnOff }: { index: number; category: NotificationCategory; canTurnOff: boolean }) => {
  const t = useTranslate();
  const name = `preferences.${index}.mode`;
  const field = useField(name);
  const error = messageOf(field.rawError) ?? field.error;
  const labelId = React.useId();
  const modes = modeNames(t);
  return (
    <Box tag="li" paddingTop={3} paddingBottom={3} style={{ borderTop: index ? '1px solid #eaeaef' : 'none', listStyle: 'none' }}>
      <Field.Root name={name} error={error} hint={canTurnOff ? undefined : t('prefs.alwaysSent', 'Always sent: someone waits for you to act, so this cannot be turned off.')}>
        <Flex gap={6} alignItems="flex-start" wrap="wrap" data-testid={`pmo-prefs-${category}`}>
          <Box width="280px">
            <Typography id={labelId} fontWeight="bold">
              {categoryName(category)}
            </Typography>
          </Box>
          <Flex direction="column" alignItems="flex-start" gap={1}>
            <Radio.Group
              aria-labelledby={labelId}
              value={String(field.value ?? '')}
              onValueChange={(value: string) => field.onChange(name, value)}
              style={{ flexDirection: 'row', gap: 24 }}
            >
              {(['immediate', 'digest', 'off'] as const).map((mode) => (
                <Radio.Item key={mode} value={mode} disabled={mode === 'off' && !canTurnOff}>
                  {modes[mode]}
                </Radio.Item>
              ))}
            </Radio.Group>
            <Field.Hint />
            <Field.Error />
          </Flex>
        </Flex>
      </Field.Root>
    </Box>
  );
};
