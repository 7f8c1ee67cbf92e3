/** The capabilities the plugin is made of, beyond the core (money, roles, workflow engine). */
import { mountRoute, type Capability } from './capability';
import { changeControl } from './change-control';
import { compliance } from './compliance';
import { dashboard } from './dashboard';
import { documentReview } from './compliance/document-review';
import { publishingApproval } from './compliance/publishing';
import { finance } from './finance';
import { governance } from './governance';
import { mentoring } from './mentoring';
import { notifications } from './notifications';
import { people } from './people';
import { raid } from './raid';
import { search } from './search';

export const CAPABILITIES: Capability[] = [
  documentReview,
  publishingApproval,
  compliance,
  mentoring,
  // Before finance: its register exports come before finance's `/exports/:report.csv`.
  raid,
  // Before finance too: capacity.csv (and milestones.csv) before `/exports/:report.csv`.
  people,
  finance,
  governance,
  changeControl,
  search,
  notifications,
  dashboard,
];

const merge = <T>(pick: (capability: Capability) => Record<string, T> | undefined) =>
  Object.assign({}, ...CAPABILITIES.map((capability) => pick(capability) ?? {})) as Record<string, T>;

export const capabilityContentTypes = () => merge((c) => c.contentTypes);
export const capabilityServices = () => merge((c) => c.services);
export const capabilityControllers = () => merge((c) => c.controllers);
export const capabilityPolicies = () => merge((c) => c.policies);
export const capabilityAdminRoutes = () => CAPABILITIES.flatMap((c) => c.adminRoutes ?? []).map(mountRoute);
export const capabilityContentApiRoutes = () => CAPABILITIES.flatMap((c) => c.contentApiRoutes ?? []).map(mountRoute);
export const capabilityActions = () => CAPABILITIES.flatMap((c) => c.actions ?? []);
