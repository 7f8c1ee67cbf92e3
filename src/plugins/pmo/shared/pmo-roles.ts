/** The PMO's admin roles: stable keys (admin role codes) from DESIGN.md. Shared by server and admin. */
export const PMO_ROLE_KEYS = [
  'pmo-director',
  'pmo-manager',
  'pmo-analyst',
  'pmo-administrator',
  'project-manager',
  'change-board',
  'finance',
] as const;

export type PmoRoleKey = (typeof PMO_ROLE_KEYS)[number];
