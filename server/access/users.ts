// People who may sign in: name, role, jurisdiction, password hash, lock-out state. Stored as HyUser nodes.
import type { Executor } from '../../platform/db/executor.js';
import { CodedError } from '../../platform/errors.js';
import { checkPasswordPolicy, hashPassword, passwordMatches } from './passwords.js';
import type { AccessPolicy } from './policy.js';
import { isRole, USER_ROLES, type Role } from './roles.js';

export interface User {
  name: string;
  displayName: string;
  role: Role;
  /** Org uids, or ['*'] for the whole county. */
  units: string[];
  disabled: boolean;
  /** Epoch ms until which sign-in is refused; 0 when not locked. */
  lockedUntil: number;
  failedSignIns: number;
  oidcSubject: string | null;
  hasPassword: boolean;
  createdAt: string;
  lastSignIn: string | null;
}

export interface UserInput {
  displayName?: string;
  role?: Role;
  units?: string[];
  disabled?: boolean;
  oidcSubject?: string | null;
}

const NAME = /^[\p{L}\p{N}._@-]{1,64}$/u;

const RETURN = `RETURN u.name AS name, u.displayName AS displayName, u.role AS role, u.units AS units,
  coalesce(u.disabled, false) AS disabled, coalesce(u.lockedUntil, 0) AS lockedUntil,
  coalesce(u.failedSignIns, 0) AS failedSignIns, u.oidcSubject AS oidcSubject,
  u.passwordHash IS NOT NULL AS hasPassword, toString(u.createdAt) AS createdAt, toString(u.lastSignIn) AS lastSignIn`;

function checkInput(input: UserInput): void {
  if (input.role !== undefined && !(USER_ROLES as readonly string[]).includes(input.role))
    throw new CodedError('BAD_INPUT', `A user's role is one of ${USER_ROLES.join(', ')} (system is for tokens)`);
  if (input.units !== undefined) {
    if (input.units.length === 0)
      throw new CodedError('BAD_INPUT', 'A user needs at least one unit (an Org uid, or * for the whole county)');
    for (const u of input.units)
      if (u !== '*' && !u.startsWith('Org:')) throw new CodedError('BAD_INPUT', `"${u.slice(0, 40)}" is not an Org uid (Org:<code>) or *`);
  }
  if (input.displayName !== undefined && (input.displayName.trim() === '' || input.displayName.length > 64))
    throw new CodedError('BAD_INPUT', 'A display name has 1 to 64 characters');
}

export class UserStore {
  constructor(
    private readonly db: Executor,
    private readonly policy: AccessPolicy,
  ) {}

  async get(name: string): Promise<User | null> {
    const { rows } = await this.db.read<User>(`MATCH (u:HyUser {name: $name}) ${RETURN}`, { name });
    return rows[0] ?? null;
  }

  async bySubject(subject: string): Promise<User | null> {
    const { rows } = await this.db.read<User>(`MATCH (u:HyUser {oidcSubject: $subject}) ${RETURN}`, { subject });
    return rows[0] ?? null;
  }

  async list(): Promise<User[]> {
    return (await this.db.read<User>(`MATCH (u:HyUser) ${RETURN} ORDER BY name`)).rows;
  }

  async count(): Promise<number> {
    const { rows } = await this.db.read<{ n: number }>('MATCH (u:HyUser) RETURN count(u) AS n');
    return rows[0]?.n ?? 0;
  }

  /** A new user; `password` may be omitted for users who sign in through OpenID Connect only. */
  async create(name: string, input: UserInput & { role: Role; units: string[] }, password?: string): Promise<User> {
    if (!NAME.test(name)) throw new CodedError('BAD_INPUT', 'A user name has 1 to 64 letters, digits, or . _ @ -');
    checkInput(input);
    if (password !== undefined) checkPasswordPolicy(password);
    const hash = password === undefined ? null : await hashPassword(password);
    if (await this.get(name)) throw new CodedError('CONFLICT', `A user named ${name} exists`);
    const { rows } = await this.db.write<User>(
      `CREATE (u:HyUser {name: $name, displayName: $displayName, role: $role, units: $units, passwordHash: $hash,
         oidcSubject: $oidcSubject, disabled: false, failedSignIns: 0, lockedUntil: 0, createdAt: datetime()}) ${RETURN}`,
      {
        name,
        displayName: input.displayName?.trim() || name,
        role: input.role,
        units: input.units,
        hash,
        oidcSubject: input.oidcSubject ?? null,
      },
    );
    return rows[0]!;
  }

  async update(name: string, input: UserInput): Promise<User> {
    checkInput(input);
    const set: Record<string, unknown> = {};
    for (const k of ['displayName', 'role', 'units', 'disabled', 'oidcSubject'] as const) if (input[k] !== undefined) set[k] = input[k];
    const { rows } = await this.db.write<User>(`MATCH (u:HyUser {name: $name}) SET u += $set ${RETURN}`, { name, set });
    if (!rows[0]) throw new CodedError('NOT_FOUND', `No user named ${name}`);
    // A disabled user, or one whose role or units changed, starts again from sign-in.
    if (input.disabled || input.role !== undefined || input.units !== undefined) await this.endSessions(name);
    return rows[0];
  }

  async setPassword(name: string, password: string): Promise<void> {
    checkPasswordPolicy(password);
    const hash = await hashPassword(password);
    const { rows } = await this.db.write(
      'MATCH (u:HyUser {name: $name}) SET u.passwordHash = $hash, u.failedSignIns = 0, u.lockedUntil = 0 RETURN u.name AS name',
      { name, hash },
    );
    if (!rows[0]) throw new CodedError('NOT_FOUND', `No user named ${name}`);
    await this.endSessions(name);
  }

  async unlock(name: string): Promise<void> {
    await this.db.write('MATCH (u:HyUser {name: $name}) SET u.failedSignIns = 0, u.lockedUntil = 0', { name });
  }

  /**
   * Checks a password. Unknown user, wrong password and disabled account all answer UNAUTHENTICATED with
   * the same message, so the answer does not tell which names exist; a locked account answers LOCKED.
   */
  async verifyPassword(name: string, password: string, now = Date.now()): Promise<User> {
    const { rows } = await this.db.read<User & { hash: string | null }>(
      `MATCH (u:HyUser {name: $name}) WITH u, u.passwordHash AS hash ${RETURN}, hash`,
      {
        name,
      },
    );
    const u = rows[0];
    if (u && u.lockedUntil > now)
      throw new CodedError(
        'LOCKED',
        `Too many failed sign-ins: try again after ${new Date(u.lockedUntil).toISOString()} 登录失败次数过多，账户已暂时锁定`,
      );
    const ok = await passwordMatches(u?.hash ?? null, password);
    if (!u || !ok || u.disabled) {
      if (u && !ok) await this.#failed(name, now);
      throw new CodedError('UNAUTHENTICATED', 'Wrong user name or password 用户名或密码错误');
    }
    await this.db.write('MATCH (u:HyUser {name: $name}) SET u.failedSignIns = 0, u.lockedUntil = 0, u.lastSignIn = datetime()', { name });
    const { hash: _hash, ...user } = u;
    return user;
  }

  async signedIn(name: string): Promise<void> {
    await this.db.write('MATCH (u:HyUser {name: $name}) SET u.lastSignIn = datetime()', { name });
  }

  async #failed(name: string, now: number): Promise<void> {
    await this.db.write(
      `MATCH (u:HyUser {name: $name})
       SET u.failedSignIns = coalesce(u.failedSignIns, 0) + 1
       SET u.lockedUntil = CASE WHEN u.failedSignIns >= $attempts THEN $until ELSE 0 END,
           u.failedSignIns = CASE WHEN u.failedSignIns >= $attempts THEN 0 ELSE u.failedSignIns END`,
      { name, attempts: this.policy.lockoutAttempts, until: now + this.policy.lockoutMs },
    );
  }

  async endSessions(name: string): Promise<void> {
    await this.db.write('MATCH (s:HySession {user: $name}) DETACH DELETE s', { name });
  }
}

export const roleOf = (u: { role: unknown }): Role => (isRole(u.role) ? u.role : 'viewer');
