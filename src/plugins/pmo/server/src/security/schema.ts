import type { Core } from '@strapi/strapi';
import type { Attributes, SchemaLookup } from './write-shape';

/** The attributes of a content type or a component, as the pure checks read them. */
export function schemaLookup(strapi: Core.Strapi): SchemaLookup {
  return (uid) => (strapi.getModel(uid as never) as { attributes?: unknown } | undefined)?.attributes as Attributes | undefined;
}
