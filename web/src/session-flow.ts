// Between the sign-in page and the explorer: what the sign-in page says after a sign-out or an ended
// session, and which words a refused sign-in gets. Leaving the explorer reloads the page, so nothing read
// while signed in (results, the canvas, an open alert, the 查询事由) stays in the page or on screen; the one
// thing carried over is which notice to show, in sessionStorage. Pure but for the storage handed in.
import type { MessageKey } from './i18n.js';

export const NOTICE_KEY = 'huiyan.notice';
export type Notice = 'signedOut' | 'ended';

type Session = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined;

export function noteForNextPage(storage: Session, notice: Notice): void {
  try {
    storage?.setItem(NOTICE_KEY, notice);
  } catch {
    // The sign-in page just shows no notice.
  }
}

/** The notice left by the page before, once: a reload of the sign-in page does not show it again. */
export function takeNotice(storage: Session): Notice | null {
  try {
    const v = storage?.getItem(NOTICE_KEY);
    storage?.removeItem(NOTICE_KEY);
    return v === 'signedOut' || v === 'ended' ? v : null;
  } catch {
    return null;
  }
}

const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/;

/**
 * What the sign-in page says for a refusal: a wrong name or password (the server does not say which), a
 * locked account with the time it opens again (from the server's message), or the error as it came.
 */
export function signInError(code: string, message: string): { key: MessageKey; until?: Date } {
  if (code === 'UNAUTHENTICATED') return { key: 'signin.wrong' };
  if (code === 'LOCKED') {
    const at = ISO_TIME.exec(message)?.[0];
    const until = at ? new Date(at) : undefined;
    return until && !Number.isNaN(until.getTime()) ? { key: 'signin.lockedUntil', until } : { key: 'signin.locked' };
  }
  if (code === 'NETWORK') return { key: 'error.NETWORK' };
  return { key: 'signin.failed' };
}
