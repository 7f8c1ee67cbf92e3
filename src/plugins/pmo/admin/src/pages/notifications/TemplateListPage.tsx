/** Settings → PMO Hub → Notifications: the email templates PMO Hub sends, each by name with what it is for. */
import { Flex, Link, Loader, Main, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import { NavLink } from 'react-router-dom';

import { useTemplates } from '../../api/notifications';
import { Section } from '../../components/Section';
import { formatMoment } from '../../utils/dates';
import { useTranslate } from '../../utils/useTranslate';
import { templateName } from './words';

export const TemplateListPage = () => {
  const t = useTranslate();
  const templates = useTemplates();
  return (
    <Main>
      <Layouts.Header
        title={t('templates.title', 'Notifications')}
        subtitle={t(
          'templates.subtitle',
          'The emails PMO Hub sends. Each is text with placeholders between double braces, filled in when the mail is queued; nothing in a template runs as code.'
        )}
      />
      <Layouts.Content>
        <Section title={t('templates.list', 'Email templates')} data-testid="pmo-templates">
          {templates.isLoading ? <Loader small>{t('templates.loading', 'Loading the templates')}</Loader> : null}
          {templates.error ? (
            <Typography textColor="danger600" role="alert">
              {t('templates.error', 'The templates could not be loaded: {message}', { message: templates.error.message })}
            </Typography>
          ) : null}
          {templates.data ? (
            <Table colCount={3} rowCount={templates.data.length + 1}>
              <Thead>
                <Tr>
                  <Th><Typography variant="sigma">{t('templates.col.name', 'Template')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('templates.col.when', 'Sent when')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('templates.col.updated', 'Last changed')}</Typography></Th>
                </Tr>
              </Thead>
              <Tbody>
                {templates.data.map((template) => (
                  <Tr key={template.key} data-testid="pmo-template-row" data-template={template.key}>
                    <Td>
                      <Flex direction="column" alignItems="flex-start">
                        <Link tag={NavLink} to={encodeURIComponent(template.key)}>
                          {templateName(template.key)}
                        </Link>
                      </Flex>
                    </Td>
                    <Td style={{ whiteSpace: 'normal' }}>
                      <Typography variant="omega" textColor="neutral700">
                        {template.description}
                      </Typography>
                    </Td>
                    <Td>
                      <Typography variant="omega">{formatMoment(template.updatedAt)}</Typography>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          ) : null}
        </Section>
      </Layouts.Content>
    </Main>
  );
};
