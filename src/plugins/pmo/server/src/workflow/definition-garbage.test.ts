/** The validator never throws, whatever it is given. */
import { validateDefinition, type ValidationContext } from './definition';
import {
  context,
  changeControl,
} from './definition.fixtures';
describe('validateDefinition: garbage never throws', () => {
  const circular: Record<string, unknown> = { key: 'loop', name: 'Loop' };
  circular.self = circular;
  circular.states = [circular];
  circular.transitions = [
    { key: 'x', label: 'X', from: [circular], to: circular, guards: [circular] },
  ];
  const throwing = Object.defineProperty({}, 'states', {
    enumerable: true,
    get() {
      throw new Error('getter exploded');
    },
  });
  const proxy = new Proxy(
    {},
    {
      get() {
        throw new Error('proxy exploded');
      },
      ownKeys() {
        throw new Error('proxy exploded');
      },
    }
  );
  let deep: unknown = 'bottom';
  for (let i = 0; i < 10_000; i++) deep = { states: [deep], transitions: [deep] };

  const garbage: Array<[string, unknown]> = [
    ['null', null],
    ['undefined', undefined],
    ['zero', 0],
    ['NaN', NaN],
    ['a number', 42],
    ['a bigint', BigInt(7)],
    ['a symbol', Symbol('x')],
    ['a function', () => 1],
    ['an empty string', ''],
    ['a JSON string', JSON.stringify(changeControl())],
    ['true', true],
    ['an empty array', []],
    ['an array of numbers', [1, 2, 3]],
    ['an empty object', {}],
    ['a date', new Date(0)],
    ['a regexp', /x/],
    ['a map', new Map([['key', 'x']])],
    [
      'a null-prototype object',
      Object.assign(Object.create(null), { key: 'x', states: [Object.create(null)] }),
    ],
    [
      '__proto__ keys from JSON',
      JSON.parse(
        '{"__proto__":{"key":"x"},"states":[{"__proto__":1,"key":"a"}],"transitions":[{"__proto__":[]}]}'
      ),
    ],
    [
      'inherited names everywhere',
      {
        key: 'constructor',
        appliesTo: '__proto__',
        initial: 'toString',
        states: [{ key: 'valueOf', name: 'hasOwnProperty' }],
        transitions: [
          {
            key: 'constructor',
            label: 'x',
            from: ['__proto__'],
            to: 'constructor',
            actors: [{ role: '__proto__' }, { field: '__proto__' }],
            guards: [{ type: '__proto__' }],
            effects: [{ type: 'hasOwnProperty' }],
          },
        ],
      },
    ],
    [
      'wrong types everywhere',
      {
        key: [],
        name: {},
        appliesTo: 1,
        initial: null,
        description: [],
        states: 'x',
        transitions: 5,
      },
    ],
    [
      'states of garbage',
      {
        states: [null, 1, 'x', [], { key: {} }, { key: 'a', name: ['x'], color: 5, terminal: {} }],
      },
    ],
    [
      'transitions of garbage',
      {
        ...changeControl(),
        transitions: [
          null,
          1,
          [],
          { from: {}, to: {} },
          {
            key: 'a',
            from: [null, {}, []],
            actors: 'x',
            guards: {},
            effects: [null, { type: {} }, { type: 'set', field: {} }],
          },
          {
            actors: [null, 1, [], { role: {} }, { field: [] }],
            approvals: { quorum: Infinity },
            guards: [{ type: 'field', path: {}, op: Symbol('op') }],
          },
        ],
      },
    ],
    ['a circular structure', circular],
    ['a throwing getter', throwing],
    ['a throwing proxy', proxy],
    ['a very deep structure', deep],
    [
      'huge strings',
      {
        key: 'k'.repeat(1e6),
        name: 'n'.repeat(1e6),
        states: [{ key: 's', name: 'x'.repeat(1e6) }],
        transitions: [{ requireComentt: 1, ['y'.repeat(1e5)]: 1 }],
      },
    ],
  ];

  it.each(garbage)('%s gives problems, not an exception', (_name, input) => {
    let result: ReturnType<typeof validateDefinition> | undefined;
    expect(() => {
      result = validateDefinition(input, context);
    }).not.toThrow();
    expect(result?.ok).toBe(false);
    if (result && !result.ok) {
      expect(result.problems.length).toBeGreaterThan(0);
      for (const problem of result.problems) {
        expect(Array.isArray(problem.path)).toBe(true);
        expect(typeof problem.message).toBe('string');
        expect(problem.message.length).toBeGreaterThan(0);
        expect(problem.message.length).toBeLessThan(1000);
      }
    }
  });

  it.each([
    ['an empty context', { guards: {}, effects: {}, roles: [], contentTypes: {} }],
    ['a null context', null],
    [
      'a context of wrong shapes',
      {
        guards: [],
        effects: 'x',
        roles: {},
        contentTypes: { 'plugin::pmo.change-request': { attributes: null } },
      },
    ],
    [
      'a catalogue of non-functions',
      {
        guards: { field: 1 },
        effects: { notify: null },
        roles: ['change-board'],
        contentTypes: { 'plugin::pmo.change-request': 5 },
      },
    ],
  ])('the example against %s gives problems, not an exception', (_name, ctx) => {
    const result = validateDefinition(changeControl(), ctx as unknown as ValidationContext);
    expect(result.ok).toBe(false);
  });
});
