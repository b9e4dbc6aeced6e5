// Who acted, as the triage history records it: the principal's id (a sign-in name, or token:<id>) and
// the role it acted in.
import type { Role } from './roles.js';

export interface Actor {
  user: string;
  role: Role;
}
