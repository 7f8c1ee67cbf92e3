/**
 * An instance keeps an idle connection open longer than nginx in front of it does
 * (deploy/nginx/pmo-hub.conf, the upstream's keepalive_timeout; nginx's default is 60 s). Were it
 * shorter (Node's default is 5 s), nginx could send a request on a connection the instance is
 * closing, and answer a POST 502: the access matrix (tests/cluster/access.test.ts) met exactly
 * that under load before config/server.ts set it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { getStrapi } from '../helpers/strapi';

const NGINX_SITE = path.join(__dirname, '../../deploy/nginx/pmo-hub.conf');

/** The upstream's idle keep-alive time in milliseconds, as nginx reads the site file. */
function nginxKeepAliveMs() {
  const upstream = /upstream pmo_hub \{([\s\S]*?)\n\}/.exec(fs.readFileSync(NGINX_SITE, 'utf8'));
  if (!upstream) throw new Error(`${NGINX_SITE} has no upstream pmo_hub`);
  const setting = /^\s*keepalive_timeout\s+(\d+)(ms|s|m)?;/m.exec(upstream[1]);
  if (!setting) return 60_000;
  const unit = { ms: 1, s: 1000, m: 60_000 }[(setting[2] ?? 's') as 'ms' | 's' | 'm'];
  return Number(setting[1]) * unit;
}

it("keeps idle connections open longer than nginx's upstream keepalive_timeout", () => {
  const server = getStrapi().server.httpServer;
  expect(server.keepAliveTimeout).toBeGreaterThan(nginxKeepAliveMs());
  // Node closes a connection whose next request's headers take longer than this: it must not cut an idle one sooner.
  expect(server.headersTimeout).toBeGreaterThan(server.keepAliveTimeout);
});
