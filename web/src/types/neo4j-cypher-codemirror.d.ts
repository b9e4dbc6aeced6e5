// @neo4j-cypher/codemirror ships its types at src/codemirror.d.ts but its package.json "exports" does not map
// them to the package's root, so TypeScript's bundler resolution finds none: point the root at them.
declare module '@neo4j-cypher/codemirror' {
  export * from '@neo4j-cypher/codemirror/src/codemirror.d.ts';
}
