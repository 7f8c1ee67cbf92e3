#!/usr/bin/env node
/**
 * The admin panel's English messages, read from the code: every `t('key', 'English text')`,
 * `m('key', 'English text')` and `{ id: getTranslation('key'), defaultMessage: 'English text' }`
 * under src/plugins/pmo/admin/src. The code's English is the source; translations/en.json is the
 * list a translator starts from, so it must hold exactly those keys with exactly that text.
 *
 *   node scripts/translations.js          reports what en.json lacks, holds too much or differs in
 *   node scripts/translations.js --write  rewrites en.json from the code (sorted by key)
 *
 * tests/unit/translations.test.ts runs the same check.
 */
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const ADMIN = path.join(__dirname, '..', 'src', 'plugins', 'pmo', 'admin', 'src');
const EN_JSON = path.join(ADMIN, 'translations', 'en.json');
const CALLERS = new Set(['t', 'm', 'translate']);

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'translations' ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** A string literal, a template without substitutions, or literals joined with `+`; else null. */
function literal(node) {
  if (!node) return null;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isParenthesizedExpression(node)) return literal(node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = literal(node.left);
    const right = literal(node.right);
    return left === null || right === null ? null : left + right;
  }
  return null;
}

const isGetTranslation = (node) =>
  node && ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'getTranslation';

/**
 * { messages: { key: text }, dynamic: [prefix], conflicts: [text] }: keys built at run time
 * (`t(\`cr.impact.${key}\`, …)`) are kept as prefixes, so their en.json entries count as used.
 */
function collect() {
  const messages = {};
  const where = {};
  const dynamic = new Set();
  const conflicts = [];
  const add = (key, text, file) => {
    if (key in messages && messages[key] !== text) {
      conflicts.push(`"${key}" reads "${messages[key]}" in ${where[key]} but "${text}" in ${path.relative(ADMIN, file)}`);
      return;
    }
    messages[key] = text;
    where[key] = path.relative(ADMIN, file);
  };
  for (const file of sourceFiles(ADMIN)) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && CALLERS.has(node.expression.text) && node.arguments.length >= 2) {
        const [keyNode, textNode] = node.arguments;
        const key = literal(keyNode);
        const text = literal(textNode);
        if (key !== null && /^[a-zA-Z][\w.-]*$/.test(key) && text !== null) add(key, text, file);
        else if (ts.isTemplateExpression(keyNode)) dynamic.add(keyNode.head.text);
      }
      if (ts.isObjectLiteralExpression(node)) {
        const property = (name) =>
          node.properties.find((p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === name);
        const id = property('id');
        const text = property('defaultMessage');
        if (id && text && isGetTranslation(id.initializer)) {
          const key = literal(id.initializer.arguments[0]);
          const value = literal(text.initializer);
          if (key !== null && value !== null) add(key, value, file);
          else if (ts.isTemplateExpression(id.initializer.arguments[0])) dynamic.add(id.initializer.arguments[0].head.text);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { messages, dynamic: [...dynamic], conflicts };
}

/** What en.json lacks, holds that no code uses, and holds with other words than the code. */
function compare() {
  const { messages, dynamic, conflicts } = collect();
  const en = JSON.parse(fs.readFileSync(EN_JSON, 'utf8'));
  const missing = Object.keys(messages).filter((key) => !(key in en));
  const unused = Object.keys(en).filter((key) => !(key in messages) && !dynamic.some((prefix) => key.startsWith(prefix)));
  const different = Object.keys(messages).filter((key) => key in en && en[key] !== messages[key]);
  return { messages, dynamic, conflicts, en, missing, unused, different };
}

function write() {
  const { messages, dynamic, conflicts, en } = compare();
  if (conflicts.length) throw new Error(`One key, two texts:\n${conflicts.join('\n')}`);
  const kept = Object.fromEntries(Object.entries(en).filter(([key]) => dynamic.some((prefix) => key.startsWith(prefix)) && !(key in messages)));
  const all = { ...kept, ...messages };
  const sorted = Object.fromEntries(Object.keys(all).sort().map((key) => [key, all[key]]));
  fs.writeFileSync(EN_JSON, `${JSON.stringify(sorted, null, 2)}\n`);
  return Object.keys(sorted).length;
}

module.exports = { collect, compare, write, EN_JSON };

if (require.main === module) {
  if (process.argv.includes('--write')) {
    console.log(`en.json: ${write()} messages`);
  } else {
    const { missing, unused, different, conflicts } = compare();
    console.log(JSON.stringify({ missing, unused, different, conflicts }, null, 2));
    process.exit(missing.length + unused.length + different.length + conflicts.length ? 1 : 0);
  }
}
