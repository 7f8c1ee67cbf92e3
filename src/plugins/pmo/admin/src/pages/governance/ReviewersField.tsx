/** The reviewers of a gate review, in a governance form: people of the directory, several, found as one types. */
import { PeoplePicker } from '../../components/PeoplePicker';
import { useTranslate } from '../../utils/useTranslate';

export const ReviewersField = ({ hint }: { hint: string }) => {
  const t = useTranslate();
  return (
    <PeoplePicker
      multiple
      name="reviewers"
      label={t('governance.schedule.reviewers', 'Reviewers')}
      hint={hint}
      placeholder={t('governance.schedule.reviewersPlaceholder', 'Type a reviewer’s name or email')}
    />
  );
};
