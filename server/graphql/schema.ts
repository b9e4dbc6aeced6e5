// The executable schema: the SDL files next to each concept's resolvers, read from disk so the files the
// explorer is built against are exactly what is served.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { alertResolvers } from './alert/resolvers.js';
import { entityResolvers } from './entity/resolvers.js';
import { graphResolvers } from './graph/resolvers.js';
import { modelResolvers } from './model/resolvers.js';
import { riskResolvers } from './risk/resolvers.js';
import { searchResolvers } from './search/resolvers.js';
import { sourceResolvers } from './source/resolvers.js';
import { accessResolvers } from './access/resolvers.js';
import { auditResolvers } from './audit/resolvers.js';
import { feedResolvers } from './feed/resolvers.js';
import { resolutionResolvers } from './resolution/resolvers.js';
import { policyResolvers } from './policy/resolvers.js';
import { statsResolvers } from './stats/resolvers.js';
import { screenResolvers } from './screen/resolvers.js';
import { workbenchResolvers } from './workbench/resolvers.js';
import { recordResolvers } from './record/resolvers.js';
import { preAwardResolvers } from './preaward/resolvers.js';
import { exportResolvers } from './export/resolvers.js';
import { SEVERITIES } from '../models/header.js';
import { codesByName } from './enums.js';
import type { Resolvers, SeverityResolvers } from './generated.js';

// Severity is the model header's (low … critical); the API shows LOW … CRITICAL.
const enumResolvers: Resolvers = { Severity: codesByName(SEVERITIES) as SeverityResolvers };

const HERE = path.dirname(fileURLToPath(import.meta.url));
// entity first: it declares `type Query`, the others extend it.
export const CONCEPTS = [
  'entity',
  'graph',
  'search',
  'alert',
  'model',
  'source',
  'risk',
  'access',
  'audit',
  'feed',
  'resolution',
  'policy',
  'stats',
  'screen',
  'workbench',
  'record',
  'preaward',
  'export',
] as const;

export function loadTypeDefs(dir = HERE): string[] {
  const found = readdirSync(dir, { withFileTypes: true }).filter(
    (d) => d.isDirectory() && readdirSync(path.join(dir, d.name)).includes('schema.graphql'),
  );
  const missing = found.map((d) => d.name).filter((n) => !(CONCEPTS as readonly string[]).includes(n));
  // A new concept folder must be wired here too, or its SDL would be served without resolvers.
  if (missing.length > 0) throw new Error(`GraphQL concept folders not wired in schema.ts: ${missing.join(', ')}`);
  return CONCEPTS.map((c) => readFileSync(path.join(dir, c, 'schema.graphql'), 'utf8'));
}

export function buildSchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: loadTypeDefs(),
    resolvers: [
      enumResolvers,
      entityResolvers,
      graphResolvers,
      searchResolvers,
      alertResolvers,
      modelResolvers,
      sourceResolvers,
      riskResolvers,
      accessResolvers,
      auditResolvers,
      feedResolvers,
      resolutionResolvers,
      policyResolvers,
      statsResolvers,
      screenResolvers,
      workbenchResolvers,
      recordResolvers,
      preAwardResolvers,
      exportResolvers,
    ],
    resolverValidationOptions: { requireResolversToMatchSchema: 'error' },
  });
}
