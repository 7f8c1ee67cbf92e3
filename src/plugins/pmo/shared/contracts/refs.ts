/**
 * How every route answers a reference to another item, written once so the admin and the server
 * agree on it: a person (a mentor, a reviewer, an owner) and a coded item (a project, a programme,
 * a portfolio).
 */
import { z } from './common';

/** A person (`api::person.person`). The email may be null: the routes read people through the query layer, which does not insist on the schema's `required`. */
export const personRef = z.object({ documentId: z.string(), fullName: z.string(), email: z.string().nullable() });
export type PersonRef = z.infer<typeof personRef>;

/** A project, programme or portfolio: its documentId, code and name. */
export const codedRef = z.object({ documentId: z.string(), code: z.string(), name: z.string() });
export type CodedRef = z.infer<typeof codedRef>;
