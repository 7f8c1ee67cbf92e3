/**
 * A person as every route answers one (`api::person.person`): a mentor, a reviewer, an owner.
 * Written once, so the admin and the server agree on it. The email may be null: the routes read
 * people through the query layer, which does not insist on the schema's `required`.
 */
import { z } from './common';

export const personRef = z.object({ documentId: z.string(), fullName: z.string(), email: z.string().nullable() });
export type PersonRef = z.infer<typeof personRef>;
