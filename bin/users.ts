// npm run users -- <command>: people and system tokens, from the server's shell. The first admin of a
// real site is made here (the demo's `npm start` makes one itself); so is a password reset for someone
// locked out of the explorer.
//   create-admin <name> [--display 姓名]                         prints a generated password, once
//   create <name> --role viewer|handler|analyst|admin --units Org:…,Org:…|* [--display 姓名] [--no-password]
//   reset-password <name>                                        prints a generated password, once
//   unlock <name> | disable <name> | enable <name> | list
//   token issue --name <system> --role system|viewer|handler|analyst --units …|* [--days 90]
//   token list | token revoke <id>
import { parseArgs } from 'node:util';
import { dataFolders, ownerOnly } from '../platform/files/owner-only.js';
import { ConfigError, loadConfig } from '../platform/config.js';
import { CodedError } from '../platform/errors.js';
import { openNeo4j } from '../platform/neo4j/runtime.js';
import { RuntimeError } from '../platform/neo4j/errors.js';
import { accessOn, type Access } from '../server/access/access.js';
import { generatedPassword } from '../server/access/passwords.js';
import { isRole, type Role } from '../server/access/roles.js';
import { applyAccessSchema } from '../server/access/store-schema.js';
import { recordedCommand } from '../server/audit/command.js';
import type { AuditWrite } from '../server/audit/notes.js';

const USAGE = `usage: npm run users -- create-admin <name> [--display 姓名]
       npm run users -- create <name> --role viewer|handler|analyst|admin --units Org:<code>,…|* [--display 姓名] [--no-password]
       npm run users -- reset-password <name> | unlock <name> | disable <name> | enable <name> | list
       npm run users -- token issue --name <system> --role system|viewer|handler|analyst --units …|* [--days 90]
       npm run users -- token list | token revoke <id>`;

class Usage extends Error {}

const OPTIONS = {
  role: { type: 'string' },
  units: { type: 'string' },
  display: { type: 'string' },
  name: { type: 'string' },
  days: { type: 'string' },
  'no-password': { type: 'boolean' },
} as const;

function role(v: string | undefined): Role {
  if (!isRole(v)) throw new Usage(`--role must be one of viewer, handler, analyst, admin, system; got ${v ?? 'nothing'}`);
  return v;
}

function units(v: string | undefined): string[] {
  if (!v) throw new Usage('--units is required: Org uids separated by commas, or * for the whole county');
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Does the command; returns what it changed, for the audit trail. */
async function run(access: Access, argv: string[]): Promise<AuditWrite[]> {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  const [command, arg, arg2] = positionals;
  const need = (v: string | undefined, what: string) => {
    if (!v) throw new Usage(`${command} needs ${what}`);
    return v;
  };
  switch (command) {
    case 'create-admin': {
      const name = need(arg, 'a user name');
      const password = generatedPassword();
      await access.users.create(
        name,
        { role: 'admin', units: ['*'], ...(values.display ? { displayName: values.display } : {}) },
        password,
      );
      console.log(`Created admin ${name}. Password 密码 (shown once): ${password}`);
      return [{ action: 'user.create', target: name }];
    }
    case 'create': {
      const name = need(arg, 'a user name');
      const password = values['no-password'] ? undefined : generatedPassword();
      await access.users.create(
        name,
        { role: role(values.role), units: units(values.units), ...(values.display ? { displayName: values.display } : {}) },
        password,
      );
      console.log(
        password ? `Created ${name}. Password 密码 (shown once): ${password}` : `Created ${name} (signs in through the identity provider).`,
      );
      return [{ action: 'user.create', target: name }];
    }
    case 'reset-password': {
      const name = need(arg, 'a user name');
      const password = generatedPassword();
      await access.users.setPassword(name, password);
      console.log(`New password for ${name} 新密码 (shown once): ${password}. Their sessions have ended.`);
      return [{ action: 'user.resetPassword', target: name }];
    }
    case 'unlock':
      await access.users.unlock(need(arg, 'a user name'));
      console.log(`Unlocked ${arg}.`);
      return [{ action: 'user.unlock', target: arg! }];
    case 'disable':
    case 'enable':
      await access.users.update(need(arg, 'a user name'), { disabled: command === 'disable' });
      console.log(`${command === 'disable' ? 'Disabled' : 'Enabled'} ${arg}.`);
      return [{ action: `user.${command}`, target: arg! }];
    case 'list':
      for (const u of await access.users.list())
        console.log(
          [
            u.name,
            u.displayName,
            u.role,
            u.units.join(','),
            u.disabled ? 'disabled' : u.lockedUntil > Date.now() ? 'locked' : 'active',
            u.lastSignIn ?? '-',
          ].join('\t'),
        );
      return [];
    case 'token':
      if (arg === 'issue') {
        const days = values.days === undefined ? 90 : Number(values.days);
        const { token, secret } = await access.tokens.issue(
          { name: need(values.name, '--name (the system it is for)'), role: role(values.role), units: units(values.units), days },
          'cli',
        );
        console.log(`Issued token ${token.id} for ${token.name}, ${token.role}, expires ${token.expiresAt}.`);
        console.log(`Authorization: Bearer ${secret}`);
        console.log('(shown once; only its hash is kept)');
        return [{ action: 'token.issue', target: token.id }];
      }
      if (arg === 'list') {
        for (const t of await access.tokens.list())
          console.log(
            [t.id, t.name, t.role, t.units.join(','), t.revokedAt ? `revoked ${t.revokedAt}` : `expires ${t.expiresAt}`].join('\t'),
          );
        return [];
      }
      if (arg === 'revoke') {
        const t = await access.tokens.revoke(need(arg2, 'a token id'));
        console.log(`Revoked ${t.id} (${t.name}).`);
        return [{ action: 'token.revoke', target: t.id }];
      }
      throw new Usage(`token ${arg ?? ''}: issue, list or revoke`);
    default:
      throw new Usage(command ? `unknown command ${command}` : 'no command');
  }
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const cfg = loadConfig();
  ownerOnly(dataFolders(cfg));
  const neo4j = await openNeo4j(cfg, (m) => console.error(m), { attach: true });
  try {
    await applyAccessSchema(neo4j.executor);
    const access = accessOn(neo4j.executor, cfg.access);
    // Recorded in the same audit chain as the server's, as the operating-system account that ran it.
    await recordedCommand(
      cfg.varDir,
      `users ${argv.slice(0, 2).join(' ')}`,
      () => run(access, argv),
      (writes) => ({ writes }),
    );
    return 0;
  } catch (e) {
    if (e instanceof Usage || (e instanceof TypeError && (e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS'))) {
      console.error(`${e.message}\n${USAGE}`);
      return 2;
    }
    if (e instanceof CodedError) {
      console.error(`${e.code}: ${e.message}`);
      return 1;
    }
    throw e;
  } finally {
    await neo4j.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof RuntimeError || e instanceof ConfigError) console.error(e.message);
    else console.error(e);
    process.exit(1);
  },
);
