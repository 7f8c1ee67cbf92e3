/**
 * The house rules of issue 11 that a reader of the code notices: no file of the plugin so long that
 * it holds more than one job, and no capability importing another (dependency-cruiser checks every
 * edge in CI; this is the quick grep from the issue, so a plain `npm test` catches it too).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const PLUGIN = join(__dirname, '..', '..', 'src', 'plugins', 'pmo');
const CAPABILITIES = ['governance', 'change-control', 'finance', 'mentoring', 'compliance', 'search', 'notifications', 'raid', 'dashboard', 'people', 'operations'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    // translations/ holds data (every admin message, one per line), not code with jobs.
    if (name === 'dist' || name === 'node_modules' || name === 'translations' || name.startsWith('.')) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx|js|json)$/.test(name) ? [path] : [];
  });
}

const files = sources(PLUGIN);

describe('the plugin’s house rules', () => {
  it('finds the plugin’s sources', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('keeps every file at 450 lines or fewer', () => {
    const long = files
      .map((path) => ({ path: relative(PLUGIN, path), lines: readFileSync(path, 'utf8').split('\n').length - 1 }))
      .filter(({ lines }) => lines > 450);
    expect(long).toEqual([]);
  });

  it('lets no server capability import another', () => {
    const crossing = files
      .filter((path) => path.includes(join('server', 'src')))
      .flatMap((path) => {
        const own = relative(join(PLUGIN, 'server', 'src'), path).split(/[\\/]/)[0];
        return [...readFileSync(path, 'utf8').matchAll(/from '\.\.\/([a-z-]+)\//g)]
          .map((match) => match[1])
          .filter((target) => CAPABILITIES.includes(target) && target !== own)
          .map((target) => `${relative(PLUGIN, path)} → ${target}/`);
      });
    expect(crossing).toEqual([]);
  });
});
