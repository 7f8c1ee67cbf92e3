import net from 'node:net';
import knexFactory from 'knex';
import { databaseUnavailable, errors, invalidField, isDatabaseUnavailable } from './errors';

/** A loopback port nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** What node-postgres raises when the server ends a session: an error carrying its SQLSTATE. */
const serverError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: 'FATAL' });

describe('a database that cannot be reached answers 503, not 500', () => {
  it('recognises a refused connection, as knex and node-postgres raise it', async () => {
    const port = await closedPort();
    const knex = knexFactory({ client: 'pg', connection: { host: '127.0.0.1', port, user: 'postgres' }, pool: { min: 0, max: 1 }, acquireConnectionTimeout: 2000 });
    try {
      const error = await knex.raw('SELECT 1').then(
        () => null,
        (e: unknown) => e
      );
      expect((error as { code?: string }).code).toBe('ECONNREFUSED');
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      await knex.destroy();
    }
  });

  it.each([
    ['57P01', 'terminating connection due to administrator command'],
    ['57P03', 'the database system is starting up'],
    ['08006', 'connection failure'],
    ['53300', 'sorry, too many clients already'],
  ])('recognises the server ending or refusing a session (%s)', (code, message) => {
    expect(isDatabaseUnavailable(serverError(code, message))).toBe(true);
  });

  it('recognises a connection lost mid-query and a wrapped cause', () => {
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('Transaction failed'), { cause: new Error('Connection terminated') }))).toBe(true);
  });

  it('leaves the request’s own faults and other database errors alone', () => {
    expect(isDatabaseUnavailable(serverError('23505', 'duplicate key value violates unique constraint'))).toBe(false);
    expect(isDatabaseUnavailable(serverError('40001', 'could not serialize access'))).toBe(false);
    expect(isDatabaseUnavailable(invalidField(['name'], 'Give the project a name'))).toBe(false);
    expect(isDatabaseUnavailable(new errors.NotFoundError('No such project'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });

  it('says so in words, as a 503', () => {
    const error = databaseUnavailable();
    expect(error.status).toBe(503);
    expect(error.name).toBe('ServiceUnavailableError');
    expect(error.message).toMatch(/^PMO Hub cannot reach its database just now\. .*reload/);
  });
});
