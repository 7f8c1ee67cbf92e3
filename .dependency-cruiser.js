/**
 * The plugin's architecture rules (docs/architecture.md, "Capabilities, platform, contracts"),
 * checked by `npm run lint:deps` in CI. A capability imports only platform/, shared/ and the
 * workflow engine's public API (workflow/index.ts); it reaches another capability through that
 * capability's service or a registered guard/effect, never by importing its files.
 */
const PMO = '^src/plugins/pmo';
const SERVER = `${PMO}/server/src`;
const CAPABILITIES = '(governance|change-control|finance|mentoring|compliance|search|notifications|raid|dashboard|people|operations)';
const PAGES = `${PMO}/admin/src/pages`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'capability-to-capability',
      comment:
        'A capability does not import another capability: use its service (strapi.plugin("pmo").service(...)), ' +
        'a registered guard or effect, or move what both need to platform/ or shared/.',
      severity: 'error',
      from: { path: `${SERVER}/${CAPABILITIES}/` },
      to: { path: `${SERVER}/${CAPABILITIES}/`, pathNot: `${SERVER}/$1/` },
    },
    {
      name: 'capability-to-workflow-internals',
      comment: 'A capability reaches the workflow engine only through its public API, workflow/index.ts.',
      severity: 'error',
      from: { path: `${SERVER}/${CAPABILITIES}/` },
      to: { path: `${SERVER}/workflow/`, pathNot: `${SERVER}/workflow/index\\.ts$` },
    },
    {
      name: 'platform-is-below-capabilities',
      comment: 'platform/ is what capabilities share: it imports no capability and not the workflow engine.',
      severity: 'error',
      from: { path: `${SERVER}/platform/` },
      to: { path: [`${SERVER}/${CAPABILITIES}/`, `${SERVER}/workflow/`] },
    },
    {
      name: 'shared-is-pure',
      comment: 'shared/ is used by both the server and the admin: it imports nothing from either.',
      severity: 'error',
      from: { path: `${PMO}/shared/` },
      to: { path: [`${PMO}/server/`, `${PMO}/admin/`] },
    },
    {
      name: 'pages-to-other-pages',
      comment:
        "One capability's admin pages do not import another's (pages/<a>/ → pages/<b>/): shared widgets " +
        'live in admin/src/components, calls in admin/src/api, pure code in shared/.',
      severity: 'error',
      from: { path: `${PAGES}/([^/]+)/` },
      to: { path: `${PAGES}/`, pathNot: `${PAGES}/$1/` },
    },
    {
      name: 'no-circular-capabilities',
      comment: 'A capability does not import a core module that imports it back (directly or not).',
      severity: 'error',
      from: { path: `${SERVER}/${CAPABILITIES}/` },
      to: { circular: true, pathNot: `${SERVER}/${CAPABILITIES}/` },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)dist/', 'node_modules'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.deps.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.jsx', '.json', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
