/**
 * One email template (/admin/settings/pmo/notifications/:key): its subject, text body and HTML
 * body; the placeholders it may use and what each means; a live preview with sample values (the
 * preview route: subject, text, and the HTML in a sandboxed frame that runs nothing). Saving is
 * checked by the contract first; the server's 400 (an unknown placeholder) shows beside its field.
 */
import * as React from 'react';

import { Box, Button, Flex, Grid, Link, Loader, Main, Typography } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { Form, Layouts, useForm, useNotification } from '@strapi/strapi/admin';
import { NavLink, useParams } from 'react-router-dom';

import { toPmoApiError } from '../../api/client';
import { useSaveTemplate, useTemplate, useTemplatePreview, type TemplateAnswer } from '../../api/notifications';
import { TextareaField, TextField } from '../../components/fields';
import { contractForm, formErrors } from '../../components/form';
import { PageError } from '../../components/PageError';
import { Section } from '../../components/Section';
import { useTranslate } from '../../utils/useTranslate';
import { templateInput, type TemplateInput } from '../../../../shared/contracts/notifications';
import { templateName } from './words';

export const TemplateEditorPage = () => {
  const t = useTranslate();
  const { key = '' } = useParams<{ key: string }>();
  const template = useTemplate(key);
  if (template.isLoading) return <Loader>{t('templates.loadingOne', 'Loading the template')}</Loader>;
  if (template.error || !template.data) {
    return <PageError content={template.error?.status === 404 ? t('templates.notFound', 'PMO Hub has no such email template.') : template.error?.message} />;
  }
  return <TemplateForm template={template.data} />;
};

/** Waits until `value` has stayed the same for `ms`, then answers it (the preview follows typing without a request per key). */
function useSettled<T>(value: T, ms = 400): T {
  const [settled, setSettled] = React.useState(value);
  React.useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

const TemplateForm = ({ template }: { template: TemplateAnswer }) => {
  const t = useTranslate();
  const save = useSaveTemplate(template.key);
  const { toggleNotification } = useNotification();
  const [refusal, setRefusal] = React.useState<string | null>(null);
  const name = templateName(template.key);
  const initialValues = React.useMemo<TemplateInput>(
    () => ({ subject: template.subject, text: template.text, html: template.html }),
    [template]
  );
  const form = contractForm(templateInput, (values: TemplateInput) => values, async (body, { setErrors }) => {
    setRefusal(null);
    try {
      await save.mutateAsync(body);
      toggleNotification({ type: 'success', message: t('templates.saved', '{name} saved: mails queued from now on use it.', { name }) });
    } catch (error) {
      setErrors(formErrors(error));
      setRefusal(toPmoApiError(error).message);
    }
  });

  return (
    <Main>
      <Form method="PUT" initialValues={initialValues} width="100%" height="auto" {...form}>
        {({ isSubmitting, modified }) => (
          <>
            <Layouts.Header
              title={name}
              subtitle={template.description}
              navigationAction={
                <Link tag={NavLink} to="..">
                  {t('templates.back', 'Email templates')}
                </Link>
              }
              primaryAction={
                <Button type="submit" startIcon={<Check />} loading={isSubmitting} disabled={!modified} data-testid="pmo-template-save">
                  {t('templates.save', 'Save template')}
                </Button>
              }
            />
            <Layouts.Content>
              <Flex direction="column" alignItems="stretch" gap={4}>
                {refusal ? (
                  <Box background="danger100" padding={4} hasRadius role="alert" data-testid="pmo-template-refused">
                    <Typography textColor="danger700">{t('templates.refused', 'Not saved: {message}', { message: refusal })}</Typography>
                  </Box>
                ) : null}
                <Grid.Root gap={4}>
                  <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                    <Section title={t('templates.edit', 'Template')}>
                      <TextField name="subject" label={t('templates.subject', 'Subject')} required />
                      <TextareaField name="text" label={t('templates.text', 'Text body')} hint={t('templates.textHint', 'What email clients that show only plain text display.')} required />
                      <TextareaField name="html" label={t('templates.html', 'HTML body')} hint={t('templates.htmlHint', 'Values are escaped in HTML, so a title cannot add markup.')} required />
                    </Section>
                  </Grid.Item>
                  <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                    <Flex direction="column" alignItems="stretch" gap={4} width="100%">
                      <Preview templateKey={template.key} />
                      <Placeholders template={template} />
                    </Flex>
                  </Grid.Item>
                </Grid.Root>
              </Flex>
            </Layouts.Content>
          </>
        )}
      </Form>
    </Main>
  );
};

/** The draft rendered with sample values, following the fields as they are typed. */
const Preview = ({ templateKey }: { templateKey: string }) => {
  const t = useTranslate();
  const values = useForm('Preview', (state) => state.values) as TemplateInput;
  const draft = useSettled(React.useMemo(() => ({ subject: values.subject, text: values.text, html: values.html }), [values.subject, values.text, values.html]));
  const preview = useTemplatePreview(templateKey, draft);
  return (
    <Section title={t('templates.preview', 'Preview with sample values')} data-testid="pmo-template-preview">
      {preview.error ? (
        <Typography textColor="danger600" role="alert" data-testid="pmo-template-preview-error">
          {t('templates.previewError', 'No preview: {message}', { message: preview.error.message })}
        </Typography>
      ) : null}
      {preview.data ? (
        <Flex direction="column" alignItems="stretch" gap={3} style={{ opacity: preview.error ? 0.5 : 1 }}>
          <Flex gap={2} alignItems="baseline">
            <Typography fontWeight="semiBold">{t('templates.subject', 'Subject')}</Typography>
            <Typography data-testid="pmo-template-preview-subject">{preview.data.subject}</Typography>
          </Flex>
          <Typography fontWeight="semiBold">{t('templates.text', 'Text body')}</Typography>
          <Box background="neutral100" padding={3} hasRadius>
            <Typography tag="pre" variant="pi" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 }} data-testid="pmo-template-preview-text">
              {preview.data.text}
            </Typography>
          </Box>
          <Typography fontWeight="semiBold">{t('templates.html', 'HTML body')}</Typography>
          <iframe
            title={t('templates.htmlPreview', 'The HTML body as an email client shows it')}
            sandbox=""
            srcDoc={preview.data.html}
            data-testid="pmo-template-preview-html"
            style={{ width: '100%', height: 260, border: '1px solid #dcdce4', borderRadius: 4, background: '#fff' }}
          />
        </Flex>
      ) : preview.isLoading ? (
        <Loader small>{t('templates.previewLoading', 'Rendering the preview')}</Loader>
      ) : null}
    </Section>
  );
};

/** The placeholders this template may use, each with what it stands for. */
const Placeholders = ({ template }: { template: TemplateAnswer }) => {
  const t = useTranslate();
  return (
    <Section title={t('templates.placeholders', 'Placeholders you can use')} data-testid="pmo-template-placeholders">
      <Typography variant="omega" textColor="neutral600">
        {t('templates.placeholdersHint', 'Write a placeholder between double braces; any other name is refused when you save.')}
      </Typography>
      <Box tag="dl" margin={0}>
        {template.placeholders.map((placeholder) => (
          <Flex key={placeholder.name} gap={3} alignItems="baseline" paddingTop={1} paddingBottom={1} data-testid="pmo-template-placeholder">
            <Box tag="dt" style={{ minWidth: 150 }}>
              <Typography variant="omega" fontWeight="bold" style={{ fontFamily: 'monospace' }}>
                {`{{${placeholder.name}}}`}
              </Typography>
            </Box>
            <Box tag="dd" margin={0}>
              <Typography variant="omega">{placeholder.description}</Typography>
            </Box>
          </Flex>
        ))}
      </Box>
    </Section>
  );
};
