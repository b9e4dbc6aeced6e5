// The site policy, the 豁免名单 and model packages (docs/models.md): one concept folder, three files.
import type { Resolvers } from '../generated.js';
import { exemptionResolvers } from './exemptions.js';
import { packageResolvers } from './packages.js';
import { sitePolicyResolvers } from './site-policy.js';

export const policyResolvers: Resolvers = {
  Query: { ...sitePolicyResolvers.Query, ...exemptionResolvers.Query, ...packageResolvers.Query },
  Mutation: { ...sitePolicyResolvers.Mutation, ...exemptionResolvers.Mutation, ...packageResolvers.Mutation },
};
