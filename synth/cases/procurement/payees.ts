// A direct award's payee as a case reference (M04, M35 key on it).
import type { DirectAward } from '../../world/world.js';
import { ref, type Ref } from '../case.js';

export const payeeRef = (p: DirectAward['payee']): Ref => ref(p.kind === 'person' ? 'Person' : 'Company', p.idx);
