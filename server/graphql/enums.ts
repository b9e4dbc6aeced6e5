// GraphQL enum names for the codes the server stores: `partly_confirmed` is PARTLY_CONFIRMED,
// `startVerification` START_VERIFICATION. The lists are the features' (machine.ts, header.ts); the SDL names
// them, and test/unit/graphql/contract.test.ts checks that both sides hold the same values.
export const enumName = (code: string): string => code.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

/** `{ ENUM_NAME: code }` for makeExecutableSchema's enum resolvers. */
export function codesByName<C extends string>(codes: readonly C[]): Record<string, C> {
  return Object.fromEntries(codes.map((c) => [enumName(c), c]));
}
