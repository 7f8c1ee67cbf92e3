/**
 * Every route of the plugin is mounted with its contract (shared/contracts/): its params, query and
 * body are checked before its handler runs, so no handler ever sees unchecked input.
 */
import { contractOf } from '../platform/contract';
import routes from './index';

const all = [
  ...routes.admin.routes.map((route) => ({ ...route, type: 'admin' })),
  ...routes['content-api'].routes.map((route) => ({ ...route, type: 'content-api' })),
];

describe('route contracts', () => {
  it.each(all.map((route) => [`${route.type} ${route.method} ${route.path}`, route] as const))('%s declares its contract', (_name, route) => {
    const contract = contractOf(route as never);
    expect(contract).not.toBeNull();
    // A route that takes a body has a body schema; one that does not, refuses none silently.
    if (route.method === 'POST' || route.method === 'PUT') expect(contract?.body).toBeDefined();
  });

  it('mounts routes at all (a broken import would make the list above empty)', () => {
    expect(all.length).toBeGreaterThan(40);
  });
});
