// The first administrator. `npm start` on the demo creates `admin` with a generated password and prints
// it; until that account has signed in once, each start prints a fresh one (the previous is gone from
// the terminal's scroll-back, and nobody has used it). A real site creates its first admin with
// `npm run users -- create-admin <name>` instead.
import { generatedPassword } from './passwords.js';
import type { UserStore } from './users.js';

export const DEMO_ADMIN = 'admin';

export type FirstAdmin = { kind: 'created' | 'renewed'; name: string; password: string } | { kind: 'exists' } | { kind: 'none' };

export async function ensureDemoAdmin(users: UserStore): Promise<FirstAdmin> {
  const existing = await users.get(DEMO_ADMIN);
  if (!existing) {
    if ((await users.count()) > 0) return { kind: 'exists' };
    const password = generatedPassword();
    await users.create(DEMO_ADMIN, { role: 'admin', units: ['*'], displayName: '演示管理员 Demo admin' }, password);
    return { kind: 'created', name: DEMO_ADMIN, password };
  }
  if (existing.lastSignIn !== null || !existing.hasPassword) return { kind: 'exists' };
  const password = generatedPassword();
  await users.setPassword(DEMO_ADMIN, password);
  return { kind: 'renewed', name: DEMO_ADMIN, password };
}

/** Whether anyone can sign in at all (a site without the demo and without users needs the CLI). */
export async function hasUsers(users: UserStore): Promise<boolean> {
  return (await users.count()) > 0;
}
