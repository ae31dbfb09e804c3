/**
 * The contract every Folkbokforing adapter keeps, run against each one in SUBJECTS. A new
 * adapter (the Navet adapter, docs/integrations/navet.md) joins the table with the test persons
 * of its own test environment in each role; it passes when it answers as these tests expect.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFixtureFolkbokforing, readFolkbokforingFixture } from './fixture.server';
import type { Folkbokforing } from './types';

type Persons = {
  withAddress: string;
  withCareOf: string;
  skyddadFolkbokforing: string;
  sekretessmarkering: string;
  utvandrad: string;
  notFound: string;
};

/** A fixture whose protected entries carry addresses, as a careless export might: they must not come out. */
const careless = {
  persons: {
    '197803149827': { name: { given: 'Anna', surname: 'Lindqvist' }, address: { street: 'Björkvägen 7', postalCode: '64534', city: 'Sjöbacka' } },
    '199211059838': { name: { given: 'Karl', surname: 'Högberg' }, address: { careOf: 'Maria Högberg', street: 'Stationsgatan 21', postalCode: '645 30', city: 'Sjöbacka' } },
    '199005149829': { name: { given: 'Maja', surname: 'Ekström' }, protection: 'skyddad_folkbokforing', address: { street: 'Hemliga vägen 1', postalCode: '648 31', city: 'Granåsa' } },
    '198209219826': { name: { given: 'Jonas', surname: 'Nyberg' }, protection: 'sekretessmarkering', address: { street: 'Dolda gränd 2', postalCode: '645 32', city: 'Sjöbacka' } },
    '196703049822': { name: { given: 'Per', surname: 'Wallin' }, noAddress: 'utvandrad' },
  },
};

const DEMO_PERSONS: Persons = {
  withAddress: '197803149827',
  withCareOf: '199211059838',
  skyddadFolkbokforing: '199005149829',
  sekretessmarkering: '198209219826',
  utvandrad: '196703049822',
  notFound: '198112289874',
};

const SUBJECTS: { name: string; make: () => Folkbokforing; persons: Persons }[] = [
  { name: 'fixture (inline, protected entries with addresses)', make: () => createFixtureFolkbokforing(careless), persons: DEMO_PERSONS },
  { name: 'fixture (db/seed/demo-folkbokforing.json)', make: () => readFolkbokforingFixture(path.resolve('db/seed/demo-folkbokforing.json')), persons: DEMO_PERSONS },
];

describe.each(SUBJECTS)('Folkbokforing contract: $name', ({ make, persons }) => {
  const f = make();

  it('gives a name and a postal address for an ordinary person', async () => {
    const r = await f.lookup(persons.withAddress);
    expect(r.status).toBe('found');
    if (r.status !== 'found') return;
    expect(r.protection).toBeNull();
    expect(r.name.given).not.toBe('');
    expect(r.name.surname).not.toBe('');
    expect(r.address).toMatchObject({ street: expect.any(String), city: expect.any(String) });
    expect(r.address?.postalCode).toMatch(/^\d{3} \d{2}$/);
  });

  it('gives a särskild postadress or c/o as careOf, without "c/o"', async () => {
    const r = await f.lookup(persons.withCareOf);
    expect(r.status === 'found' && r.address?.careOf).toMatch(/^(?!c\/o)\S/i);
  });

  it.each([
    ['skyddadFolkbokforing', 'skyddad_folkbokforing'],
    ['sekretessmarkering', 'sekretessmarkering'],
  ] as const)('flags %s and never returns an address for it', async (role, protection) => {
    const r = await f.lookup(persons[role]);
    expect(r).toMatchObject({ status: 'found', protection });
    // Not even an empty one: the key must be absent, so nothing can serialise or print it.
    expect(Object.keys(r)).not.toContain('address');
    expect(Object.keys(r).sort()).toEqual(['name', 'protection', 'status']);
  });

  it('says when a registered person has no address the kommun may use', async () => {
    expect(await f.lookup(persons.utvandrad)).toEqual({ status: 'no_address', reason: 'utvandrad' });
  });

  it('says not_found for a personnummer it does not know', async () => {
    expect(await f.lookup(persons.notFound)).toEqual({ status: 'not_found' });
  });

  it('refuses anything but 12 digits, without echoing the input', async () => {
    for (const bad of ['19780314-9827', '7803149827', '']) {
      await expect(f.lookup(bad)).rejects.toThrow(/12-digit personnummer/);
      await expect(f.lookup(bad)).rejects.not.toThrow(/7803149827/);
    }
  });
});
