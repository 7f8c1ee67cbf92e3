/**
 * The person page's mentoring: their competencies as rated in mentoring sessions, read through
 * the mentoring capability's own route (`GET /pmo/mentoring/ratings?mentee=`), which answers only
 * the relationships the viewer may see. A role without mentoring sees a sentence saying so.
 */
import { Box, Flex, Typography } from '@strapi/design-system';

import { useMenteeRatings } from '../../api/mentoring';
import { useCan } from '../../components/access';
import { MENTORING_USE } from '../../../../shared/contracts/mentoring';
import { useTranslate } from '../../utils/useTranslate';

export const PersonMentoring = ({ person }: { person: string }) => {
  const t = useTranslate();
  const can = useCan();
  const allowed = can(MENTORING_USE);
  const { data, error } = useMenteeRatings(person, allowed);
  return (
    <Box marginTop={4} background="neutral0" padding={4} hasRadius shadow="tableShadow" data-testid="pmo-person-mentoring">
      <Typography variant="delta" tag="h2">{t('person.mentoring', 'Competencies from mentoring')}</Typography>
      <Box marginTop={2}>
        {!allowed || error ? (
          <Typography textColor="neutral600">{t('person.mentoringHidden', 'Mentoring is not part of your role, or no relationship of this person is visible to you.')}</Typography>
        ) : data && data.series.length === 0 ? (
          <Typography>{t('person.noRatings', 'No competency rated yet.')}</Typography>
        ) : (
          (data?.series ?? []).map((series) => (
            <Flex key={series.competency.documentId ?? series.competency.name} gap={3} paddingTop={1}>
              <Typography fontWeight="bold">{series.competency.name}</Typography>
              <Typography>{t('person.rating', 'latest {latest} of 5 (first {first})', { latest: series.latest ?? '—', first: series.first ?? '—' })}</Typography>
            </Flex>
          ))
        )}
      </Box>
    </Box>
  );
};
