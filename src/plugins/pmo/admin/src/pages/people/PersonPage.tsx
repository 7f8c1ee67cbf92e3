/**
 * /plugins/pmo/people/:documentId: a person's capacity, allocations (with their approval state),
 * projects, certifications (expired and expiring soon marked) and, as the viewer's role may see
 * it, mentoring: the mentoring capability's own route answers only what the viewer may read.
 */
import { Badge, Box, Flex, Link, Main, Typography } from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import { NavLink, useParams } from 'react-router-dom';

import { usePersonCapacity } from '../../api/capacity';
import { PageError } from '../../components/PageError';
import { formatDay } from '../../utils/dates';
import { useTranslate } from '../../utils/useTranslate';
import { STATE_WORDS } from './CellAllocations';
import { PersonMentoring } from './PersonMentoring';
import { percent } from './words';

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Box marginTop={4} background="neutral0" padding={4} hasRadius shadow="tableShadow">
    <Typography variant="delta" tag="h2">{title}</Typography>
    <Box marginTop={2}>{children}</Box>
  </Box>
);

export const PersonPage = () => {
  const t = useTranslate();
  const { documentId } = useParams();
  const { data, error } = usePersonCapacity(documentId);
  if (error) return <PageError content={error.message} />;
  if (!data) return null;
  const { person } = data;
  const projects = [...new Map(data.allocations.filter((a) => a.project && a.state !== 'declined').map((a) => [a.project!.documentId, a.project!])).values()];
  return (
    <Main>
      <Layouts.Header
        title={person.fullName}
        subtitle={[person.jobTitle, person.department?.name, person.department?.leader ? t('person.leader', 'leader {name}', { name: person.department.leader }) : null].filter(Boolean).join(' · ')}
        navigationAction={<Link tag={NavLink} to="../capacity">{t('person.back', 'Capacity')}</Link>}
      />
      <Layouts.Content>
        <Typography data-testid="pmo-person-capacity">
          {t('person.capacity', 'Capacity {capacity}, of which {nonProject} non-project time: {available} available for projects', {
            capacity: percent(person.capacityPercent),
            nonProject: percent(person.nonProjectPercent),
            available: percent(Math.max(0, person.capacityPercent - person.nonProjectPercent)),
          })}
        </Typography>
        <Section title={t('person.projects', 'Projects')}>
          {projects.length ? projects.map((project) => <Typography key={project.documentId} tag="p">{project.code} {project.name}</Typography>) : <Typography>{t('person.noProjects', 'No project.')}</Typography>}
        </Section>
        <Section title={t('person.allocations', 'Allocations')}>
          {data.allocations.length === 0 ? <Typography>{t('person.noAllocations', 'No allocation.')}</Typography> : null}
          {data.allocations.map((allocation) => (
            <Flex key={allocation.documentId} gap={3} paddingTop={1} data-state={allocation.state}>
              <Typography>{allocation.project ? allocation.project.code : '—'}</Typography>
              <Typography>{allocation.role ?? ''}</Typography>
              <Typography>{percent(allocation.percent)}</Typography>
              <Typography>{formatDay(allocation.startDate)} – {formatDay(allocation.endDate)}</Typography>
              <Badge>{t(`capacity.state.${allocation.state}`, STATE_WORDS[allocation.state])}</Badge>
            </Flex>
          ))}
        </Section>
        <Section title={t('person.certifications', 'Certifications and training')}>
          {data.certifications.length === 0 ? <Typography>{t('person.noCertifications', 'No certification recorded.')}</Typography> : null}
          {data.certifications.map((certification, index) => (
            <Flex key={index} gap={3} paddingTop={1} data-testid="pmo-person-certification">
              <Typography fontWeight="bold">{certification.name}</Typography>
              <Typography>{certification.body ?? ''}</Typography>
              <Typography>{t('person.obtained', 'obtained {date}', { date: formatDay(certification.obtainedOn) })}</Typography>
              <Typography>{t('person.expires', 'expires {date}', { date: formatDay(certification.expiresOn) })}</Typography>
              {certification.expired ? <Badge backgroundColor="danger100" textColor="danger700">{t('person.expired', 'Expired')}</Badge> : null}
              {certification.expiringSoon ? <Badge backgroundColor="warning100" textColor="warning700">{t('person.expiringSoon', 'Expiring soon')}</Badge> : null}
            </Flex>
          ))}
        </Section>
        <PersonMentoring person={person.documentId} />
      </Layouts.Content>
    </Main>
  );
};
