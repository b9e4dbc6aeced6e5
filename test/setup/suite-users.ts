// The people the browser suite signs in as, created through the UserStore as an admin would, each with a
// password generated for this run (the tests get them through provide/inject, nothing is written down).
import type { Access } from '../../server/access/access.js';
import { generatedPassword } from '../../server/access/passwords.js';
import type { Role } from '../../server/access/roles.js';
import type { SuiteUser, SuiteUsers } from '../support/context.js';

const PEOPLE: Record<keyof SuiteUsers, { name: string; displayName: string; role: Role; sso?: true }> = {
  admin: { name: '王五', displayName: '王五（纪委信息科）', role: 'admin' },
  otherAdmin: { name: '赵六', displayName: '赵六', role: 'admin' },
  handler: { name: '张三', displayName: '张三（第一纪检监察室）', role: 'handler' },
  otherHandler: { name: '李四', displayName: '李四', role: 'handler' },
  analyst: { name: 'qian.analyst', displayName: '钱分析', role: 'analyst' },
  viewer: { name: 'chen.viewer', displayName: '陈查阅', role: 'viewer' },
  // No password: signs in only through the identity provider, whose account of the same name binds to it.
  sso: { name: 'sun.sso', displayName: '孙单点', role: 'handler', sso: true },
};

/** Everyone of the whole county: a viewer who may look at everything still sees no ID number. */
export async function createSuiteUsers(access: Access): Promise<SuiteUsers> {
  const out = {} as SuiteUsers;
  for (const [key, p] of Object.entries(PEOPLE) as [keyof SuiteUsers, (typeof PEOPLE)[keyof SuiteUsers]][]) {
    const password = p.sso ? '' : generatedPassword();
    await access.users.create(p.name, { role: p.role, units: ['*'], displayName: p.displayName }, p.sso ? undefined : password);
    out[key] = { name: p.name, displayName: p.displayName, role: p.role, password } satisfies SuiteUser;
  }
  return out;
}
