/** Governance's own content types. */
export const GATE_REVIEW_UID = 'plugin::pmo.gate-review';
export const GATE_CONDITION_UID = 'plugin::pmo.gate-condition';
