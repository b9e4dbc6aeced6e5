// Signing in, as the browser tests do it: through the sign-in page like a person, and through /auth/login
// from Node for the API calls a test makes beside the page (a session cookie and its CSRF token, exactly
// what the explorer sends). Every page the suite opens signs in first: without a session the server
// answers nothing but UNAUTHENTICATED.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { idFacts, isValidId18 } from '../../platform/identifiers/id-number.js';
import type { SuiteUser } from '../support/context.js';

/** The machine is busy (2 cores, Neo4j, Chromium): a round trip can take seconds. */
export const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 100 });

/** Opens the explorer, signs in on the sign-in page, and waits for the header to name the user. */
export async function signIn(page: Page, baseUrl: string, user: SuiteUser): Promise<void> {
  await page.goto(baseUrl);
  await page.getByTestId('signin-name').fill(user.name);
  await page.getByTestId('signin-password').fill(user.password);
  await page.getByTestId('signin-submit').click();
  await poll(() => page.getByTestId('me-name').textContent()).toBe(user.displayName);
}

/** Answers the 查询事由 prompt, which must be showing (or come up shortly). */
export async function giveReason(page: Page, reason: string): Promise<void> {
  await page.getByTestId('reason-dialog').waitFor({ state: 'visible' });
  await page.getByTestId('reason-input').fill(reason);
  await page.getByTestId('reason-submit').click();
  await page.getByTestId('reason-dialog').waitFor({ state: 'hidden' });
}

/** Finds an entity by name in the search box, gives the reason the first read asks for, and puts it on the canvas. */
export async function addFromSearch(page: Page, name: string, uid: string, reason: string): Promise<void> {
  await page.getByTestId('search-input').fill(name);
  await page.getByTestId('search-input').press('Enter');
  await giveReason(page, reason);
  await page.locator(`[data-testid="search-result"][data-id="${uid}"] [data-testid="add-to-canvas"]`).click();
}

/** Where a node is on screen, to click it the way a user would. */
export const screenPosition = (page: Page, id: string) =>
  page.evaluate((uid) => {
    const cy = window.__cy!;
    const p = cy.getElementById(uid).renderedPosition();
    const r = cy.container()!.getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, id);

export type GraphQL = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

/** The GraphQL answer, errors and all, for tests that expect a refusal. */
export interface Answer<T> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** A session of this user for API calls from the test; each call asserts the answer has no errors. */
export async function apiAs(baseUrl: string, user: SuiteUser, reason = '浏览器测试核对'): Promise<GraphQL & { raw: RawGraphQL }> {
  const res = await fetch(`${baseUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ name: user.name, password: user.password }),
  });
  expect(res.status).toBe(200);
  const { csrf } = (await res.json()) as { csrf: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const raw: RawGraphQL = async (query, variables = {}) => {
    const r = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-huiyan-csrf': csrf, 'x-huiyan-reason': encodeURIComponent(reason) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: r.status, ...((await r.json()) as object) };
  };
  const gql = (async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const body = await raw<T>(query, variables);
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data as T;
  }) as GraphQL & { raw: RawGraphQL };
  gql.raw = raw;
  return gql;
}

export type RawGraphQL = <T>(query: string, variables?: Record<string, unknown>) => Promise<Answer<T>>;

/**
 * 18-character strings that are valid resident ID numbers (GB 11643 check character, platform/identifiers)
 * with a real birth date: what must never reach a viewer. A check character matches one string of digits in
 * eleven, so the birth date keeps account numbers and other long numbers from being taken for one.
 */
export function idNumbersIn(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/(?<![0-9A-Za-z])(\d{17}[\dXx])(?![0-9A-Za-z])/g)) {
    const id = m[1]!.toUpperCase();
    const { birthDate } = idFacts(id);
    const d = new Date(`${birthDate}T00:00:00Z`);
    if (isValidId18(id) && Number(id.slice(6, 10)) >= 1900 && !Number.isNaN(d.getTime()) && d.toISOString().startsWith(birthDate))
      found.add(id);
  }
  return [...found];
}
