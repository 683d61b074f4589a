import { describe, expect, it, vi } from 'vitest';
import { AppError } from './app-error';
import { createDispatcher, type Handlers } from './dispatcher';

const ctx = { transport: 'cli' } as const;

function make(overrides: Partial<Handlers> = {}, onInternalError = vi.fn()) {
  const handlers = {
    'app.info': async () => ({ name: 'DBT Coach', version: '0', transport: 'cli', platform: 'linux' }),
    'app.ping': async ({ echo }: { echo: string }) => ({ echo }),
    ...overrides,
  } as Handlers;
  return { dispatch: createDispatcher(handlers, { onInternalError }), onInternalError };
}

describe('dispatcher', () => {
  it('returns the handler value for valid input', async () => {
    const { dispatch } = make();
    expect(await dispatch('app.ping', { echo: 'hi' }, ctx)).toEqual({ ok: true, value: { echo: 'hi' } });
  });

  it.each([
    ['wrong type', { echo: 42 }],
    ['extra field', { echo: 'x', extra: true }],
    ['over the limit', { echo: 'x'.repeat(101) }],
    ['not an object', 'hello'],
    ['missing field', {}],
  ])('rejects %s with INVALID_INPUT', async (_name, input) => {
    const handler = vi.fn();
    const { dispatch } = make({ 'app.ping': handler });
    const result = await dispatch('app.ping', input, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it.each(['__proto__', 'constructor', 'prototype'])('rejects a %s key anywhere in the input', async (key) => {
    const { dispatch } = make();
    const input = JSON.parse(`{"echo":"x","${key}":{"polluted":true}}`);
    expect(await dispatch('app.ping', input, ctx)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never echoes the rejected value in the message', async () => {
    const { dispatch } = make();
    const result = await dispatch('app.ping', { echo: 'secret-diary-text', more: 'secret-diary-text' }, ctx);
    expect(JSON.stringify(result)).not.toContain('secret-diary-text');
  });

  it('refuses unknown and inherited method names', async () => {
    const { dispatch } = make();
    for (const name of ['nope', 'toString', '__proto__', 42, null]) {
      expect(await dispatch(name, {}, ctx)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });

  it('maps AppError to its code and keeps retry hints', async () => {
    const { dispatch } = make({
      'app.ping': async () => {
        throw new AppError('RATE_LIMITED', 'Wait a moment.', 1500);
      },
    });
    expect(await dispatch('app.ping', { echo: 'x' }, ctx)).toEqual({
      ok: false,
      error: { code: 'RATE_LIMITED', message: 'Wait a moment.', retryAfterMs: 1500 },
    });
  });

  it('hides unexpected errors behind INTERNAL without stack or message, and reports them', async () => {
    const boom = new Error('db path /home/secret failed at line 3');
    const { dispatch, onInternalError } = make({
      'app.ping': async () => {
        throw boom;
      },
    });
    const result = await dispatch('app.ping', { echo: 'x' }, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toMatch(/secret|line 3|at /);
    expect(onInternalError).toHaveBeenCalledWith('app.ping', boom);
  });
});
