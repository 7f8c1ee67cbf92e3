import fs from 'fs';
import path from 'path';

import { ENUMERATION_VALUES, enumerationMessages, valueLabel } from './vocabulary';

const root = path.resolve(__dirname, '../../../../../..');

/** Every enumeration of the app's types and of change requests, read from their schemas. */
function schemaEnumerations(): Array<[string, string, string[]]> {
  const files = fs
    .readdirSync(path.join(root, 'src/api'))
    .map((api) => path.join(root, 'src/api', api, 'content-types', api, 'schema.json'))
    .concat(path.join(root, 'src/plugins/pmo/server/src/content-types/change-request.json'));
  return files.flatMap((file) => {
    const schema = JSON.parse(fs.readFileSync(file, 'utf8'));
    return Object.entries(schema.attributes as Record<string, { type: string; enum?: string[] }>)
      .filter(([, attribute]) => attribute.type === 'enumeration')
      .map(([field, attribute]): [string, string, string[]] => [
        schema.info.singularName,
        field,
        attribute.enum ?? [],
      ]);
  });
}

describe('the words for stored keys', () => {
  it('reads keys as a person would write them', () => {
    expect(valueLabel('management-reserve')).toBe('Management reserve');
    expect(valueLabel('pmo-director')).toBe('PMO director');
    expect(valueLabel('project-initiation-document')).toBe('Project initiation document');
    expect(valueLabel('off-specification')).toBe('Off-specification');
    expect(valueLabel('amber')).toBe('Amber');
    expect(valueLabel(null)).toBe('—');
  });

  it.each(schemaEnumerations())('has words for every value of %s %s', (_type, _field, values) => {
    const known = new Set<string>(Object.values(ENUMERATION_VALUES).flat());
    expect(values.filter((value) => !known.has(value))).toEqual([]);
    const messages = enumerationMessages();
    for (const value of values)
      expect([value, messages[value]]).toEqual([
        value,
        expect.stringMatching(/^[A-Z][a-z]*( [a-z]+)*$|^PMO |-specification$/),
      ]);
  });
});
