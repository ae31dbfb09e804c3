/** The demo folkbokföring (db/seed/demo-folkbokforing.json) fits the demo it serves. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePersonnummer } from '~/domain/personnummer';
import { isValidPersonalNumber, TEST_IDENTITIES } from '../../../server/bankid-simulator/identities';
import { parseFolkbokforingFixture } from './fixture.server';

const FILE = path.resolve('db/seed/demo-folkbokforing.json');
const json = JSON.parse(fs.readFileSync(FILE, 'utf8')) as { persons: Record<string, unknown> };
const records = parseFolkbokforingFixture(json, FILE);
const samverkan = JSON.parse(fs.readFileSync(path.resolve('db/seed/demo-samverkan.json'), 'utf8')) as {
  kommuner: { postalAddress: { postalCode: string; city: string } }[];
};

describe('db/seed/demo-folkbokforing.json', () => {
  it('parses, and every personnummer in it is valid', () => {
    expect(records.size).toBe(Object.keys(json.persons).length);
    for (const pnr of records.keys()) {
      expect(isValidPersonalNumber(pnr), pnr).toBe(true);
      expect(parsePersonnummer(pnr, '2026-01-01').ok, pnr).toBe(true);
    }
  });

  it('has every BankID simulator identity, with the same name', () => {
    for (const identity of TEST_IDENTITIES) {
      const r = records.get(identity.personalNumber);
      expect(r?.status, identity.personalNumber).toBe('found');
      if (r?.status === 'found') expect(r.name).toEqual({ given: identity.givenName, surname: identity.surname });
    }
  });

  it('protects exactly the identities the simulator notes as having skyddade personuppgifter', () => {
    const noted = TEST_IDENTITIES.filter((i) => i.note.startsWith('skyddade personuppgifter')).map((i) => i.personalNumber);
    const protectedInFixture = [...records].filter(([, r]) => r.status === 'found' && r.protection !== null).map(([pnr]) => pnr);
    expect(protectedInFixture.sort()).toEqual(noted.sort());
    expect(records.get('199005149829')).toMatchObject({ protection: 'skyddad_folkbokforing' });
    expect(records.get('198209219826')).toMatchObject({ protection: 'sekretessmarkering' });
  });

  it('has the personnummer the tests use, and one utvandrad person', () => {
    for (const pnr of ['198503122387', '197405065553', '196504129815', '201003219829']) {
      expect(records.get(pnr)?.status, pnr).toBe('found');
    }
    expect(records.get('196703049822')).toEqual({ status: 'no_address', reason: 'utvandrad' });
  });

  it('puts everyone with an address in a demo kommun, in its postnummer area', () => {
    const areas = new Map(samverkan.kommuner.map((k) => [k.postalAddress.city, k.postalAddress.postalCode.slice(0, 3)]));
    for (const [pnr, r] of records) {
      if (r.status !== 'found' || !r.address) continue;
      expect(areas.has(r.address.city), pnr).toBe(true);
      expect(r.address.postalCode.slice(0, 3), pnr).toBe(areas.get(r.address.city));
    }
  });
});
