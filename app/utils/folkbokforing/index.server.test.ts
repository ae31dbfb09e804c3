import { afterEach, describe, expect, it } from 'vitest';
import { folkbokforing, setFolkbokforingForTests } from './index.server';
import type { Folkbokforing } from './types';

afterEach(() => setFolkbokforingForTests(null));

describe('folkbokforing()', () => {
  it('is the demo fixture by default (FOLKBOKFORING_FIXTURE), one instance per process', async () => {
    expect(await folkbokforing().lookup('197803149827')).toMatchObject({ status: 'found', name: { given: 'Anna', surname: 'Lindqvist' } });
    expect(folkbokforing()).toBe(folkbokforing());
  });

  it('can be swapped in tests, and null goes back to the configured one', async () => {
    const stub: Folkbokforing = { lookup: async () => ({ status: 'no_address', reason: 'avliden' }) };
    setFolkbokforingForTests(stub);
    expect(folkbokforing()).toBe(stub);
    expect(await folkbokforing().lookup('197803149827')).toEqual({ status: 'no_address', reason: 'avliden' });
    setFolkbokforingForTests(null);
    expect(folkbokforing()).not.toBe(stub);
    expect((await folkbokforing().lookup('197803149827')).status).toBe('found');
  });
});
