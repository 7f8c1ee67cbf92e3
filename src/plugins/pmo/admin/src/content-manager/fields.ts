/** PMO Hub's custom fields in the Content Manager (registered by the server's register step too). */
export const MONEY_FIELD = 'plugin::pmo.money';
/** A standard's `appliesToStates`: lifecycle state keys, picked by name. */
export const LIFECYCLE_STATES_FIELD = 'plugin::pmo.lifecycle-states';
/** A standard's `requiredDocumentTypes`: document type keys, picked by name. */
export const DOCUMENT_TYPES_FIELD = 'plugin::pmo.document-types';
