import * as React from 'react';
import { useIntl } from 'react-intl';

import { getTranslation } from './getTranslation';

type Values = Record<string, string | number | boolean | null | undefined | Date>;

/**
 * `t('workflow.panel.title', 'Workflow')`: the plugin's message `pmo.<id>` (translations/en.json)
 * with its English default, as plain text.
 */
export function useTranslate() {
  const { formatMessage } = useIntl();
  return React.useCallback(
    (id: string, defaultMessage: string, values?: Values) =>
      String(formatMessage({ id: getTranslation(id), defaultMessage }, values)),
    [formatMessage]
  );
}

export type Translate = ReturnType<typeof useTranslate>;
