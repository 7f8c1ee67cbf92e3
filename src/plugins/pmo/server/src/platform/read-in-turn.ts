/**
 * Reads a row and its relations one query after another. Strapi's `populate` reads the relations
 * it is given at once (Promise.all): inside a transaction they all go to the transaction's one
 * connection, and on PostgreSQL a query sent while another is running is queued by the driver
 * (pg warns "Calling client.query() when the client is already executing a query is deprecated",
 * and pg 9 will refuse it). Code that must read inside a transaction (change control's document
 * middleware, transition guards and effects) reads through here.
 */
import type { Core } from '@strapi/strapi';

/** The relations to read: `true` for the relation (or component) itself, an object to read its own relations too. */
export type InTurn = { [field: string]: true | InTurn };

type Row = Record<string, unknown> & { id: number };

async function populateInTurn(strapi: Core.Strapi, uid: string, row: Row, relations: InTurn) {
  const attributes = (strapi.db.metadata.get(uid as never) as { attributes: Record<string, { target?: string }> }).attributes;
  for (const [field, nested] of Object.entries(relations)) {
    const related = (await strapi.db.query(uid as never).load(row as never, field)) as Row | Row[] | null;
    row[field] = related ?? null;
    if (nested === true || !related) continue;
    for (const item of Array.isArray(related) ? related : [related]) {
      await populateInTurn(strapi, attributes[field].target!, item, nested);
    }
  }
}

/** `findOne({ where, populate })` with the relations read one at a time. */
export async function findOneInTurn<T>(strapi: Core.Strapi, uid: string, where: Record<string, unknown>, relations: InTurn): Promise<T | null> {
  const row = (await strapi.db.query(uid as never).findOne({ where })) as Row | null;
  if (!row) return null;
  await populateInTurn(strapi, uid, row, relations);
  return row as unknown as T;
}
