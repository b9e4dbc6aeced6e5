// The dependency direction, checked by `npm run lint` (docs/architecture.md draws it):
//   bin → synth → loaders, server → platform; web stands alone; bench and test may use anything.
// Inside server: graphql → alerts, models, access; never the reverse. No cycles anywhere.
const layer = (name, from, to, comment) => ({ name, severity: 'error', comment, from: { path: from }, to: { path: to } });

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes two modules one; cut it at the lower layer.',
      from: {},
      to: { circular: true },
    },
    layer('platform-stands-alone', '^platform/', '^(server|loaders|synth|bin|bench|web|test)/', 'The base layer knows no feature.'),
    layer(
      'loaders-below-synth',
      '^loaders/',
      '^(server|synth|bin|bench|web|test)/',
      'Loaders stand on platform/ only; the server is a sibling.',
    ),
    layer(
      'server-below-synth',
      '^server/',
      '^(loaders|synth|bin|bench|web|test)/',
      'The server stands on platform/ only; the loaders are a sibling.',
    ),
    layer(
      'synth-below-entry-points',
      '^synth/',
      '^(bin|bench|web|test)/',
      'The synthetic county is used by entry points, never the reverse.',
    ),
    layer(
      'web-stands-alone',
      '^web/',
      '^(platform|server|loaders|synth|bin|bench|test)/',
      'The explorer talks to the server over GraphQL only.',
    ),
    layer('features-below-the-api', '^server/(access|alerts|models)/', '^server/graphql/', 'The API imports features, never the reverse.'),
    layer(
      'access-below-alerts',
      '^server/access/',
      '^server/(alerts|models)/',
      'Who may do what is asked by the features, not the reverse.',
    ),
    layer('nothing-imports-tests', '^(platform|server|loaders|synth|bin|bench|web)/', '^test/', 'Product code does not depend on tests.'),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|var|\\.neo4j)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
