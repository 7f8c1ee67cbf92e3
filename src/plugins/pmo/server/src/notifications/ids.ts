/** Identifiers PMO Hub gives rows it inserts itself (Strapi's documentId shape: 24 lower-case letters and digits). */
import { randomBytes } from 'crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function newDocumentId(): string {
  const bytes = randomBytes(24);
  let id = ALPHABET[bytes[0] % 26];
  for (let i = 1; i < 24; i += 1) id += ALPHABET[bytes[i] % 36];
  return id;
}
