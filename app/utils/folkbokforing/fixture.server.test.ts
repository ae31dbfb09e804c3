import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFixtureFolkbokforing, FolkbokforingFixtureError, parseFolkbokforingFixture, readFolkbokforingFixture } from './fixture.server';

const anna = { name: { given: 'Anna', surname: 'Lindqvist' }, address: { street: 'Björkvägen 7', postalCode: '645 34', city: 'Sjöbacka' } };

describe('createFixtureFolkbokforing', () => {
  it('strips the address from a protected entry even when the file has one (DOMAIN.md §9)', async () => {
    const f = createFixtureFolkbokforing({
      persons: { '199005149829': { name: { given: 'Maja', surname: 'Ekström' }, protection: 'skyddad_folkbokforing', address: { street: 'Hemliga vägen 1', postalCode: '648 31', city: 'Granåsa', careOf: 'X' } } },
    });
    const r = await f.lookup('199005149829');
    expect(r).toEqual({ status: 'found', name: { given: 'Maja', surname: 'Ekström' }, protection: 'skyddad_folkbokforing' });
    expect(JSON.stringify(r)).not.toMatch(/Hemliga|648|Granåsa/);
  });

  it('keeps the protection flag when the entry is also without an address: the flag must never be lost', async () => {
    const f = createFixtureFolkbokforing({ persons: { '198209219826': { name: { given: 'Jonas', surname: 'Nyberg' }, protection: 'sekretessmarkering', noAddress: 'utvandrad' } } });
    expect(await f.lookup('198209219826')).toEqual({ status: 'found', name: { given: 'Jonas', surname: 'Nyberg' }, protection: 'sekretessmarkering' });
  });

  it('normalises the postnummer to NNN NN and keeps careOf', async () => {
    const f = createFixtureFolkbokforing({ persons: { '197803149827': { ...anna, address: { ...anna.address, postalCode: '64534', careOf: 'Maria Högberg' } } } });
    expect(await f.lookup('197803149827')).toEqual({
      status: 'found',
      name: { given: 'Anna', surname: 'Lindqvist' },
      protection: null,
      address: { street: 'Björkvägen 7', postalCode: '645 34', city: 'Sjöbacka', careOf: 'Maria Högberg' },
    });
  });

  it('answers with a copy: a caller that edits its record does not change the next answer', async () => {
    const f = createFixtureFolkbokforing({ persons: { '197803149827': anna } });
    const first = await f.lookup('197803149827');
    if (first.status === 'found' && first.address) first.address.street = 'Ändrad';
    const second = await f.lookup('197803149827');
    expect(second.status === 'found' && second.address?.street).toBe('Björkvägen 7');
  });
});

describe('parseFolkbokforingFixture', () => {
  it.each([
    // file, the message naming what is wrong
    [{ persons: { '197803149828': anna } }, /entry "197803149828": must be a valid 12-digit personnummer/],
    [{ persons: { '19780314-9827': anna } }, /entry "19780314-9827": must be a valid 12-digit personnummer/],
    [{ persons: { '197803149827': { ...anna, address: { ...anna.address, postalCode: '6453' } } } }, /entry "197803149827": address\.postalCode: must be a Swedish postnummer/],
    [{ persons: { '197803149827': { name: anna.name } } }, /entry "197803149827": address: is required unless the entry has "protection" or "noAddress"/],
    [{ persons: { '196703049822': { ...anna, noAddress: 'utvandrad' } } }, /entry "196703049822": address: contradicts "noAddress": utvandrad/],
    [{ persons: { '199005149829': { name: anna.name, protection: 'hemlig' } } }, /entry "199005149829": protection: must be one of sekretessmarkering, skyddad_folkbokforing/],
    [{ persons: { '196703049822': { name: anna.name, noAddress: 'okänd' } } }, /entry "196703049822": noAddress: must be one of utvandrad, avliden, saknar_adress/],
    [{ persons: { '197803149827': { ...anna, name: { given: '', surname: 'Lindqvist' } } } }, /entry "197803149827": name\.given: must not be empty/],
    [{ persons: { '197803149827': { ...anna, adress: {} } } }, /entry "197803149827": .*adress/], // a misspelt key is not ignored
    [{ people: {} }, /persons: Required/],
    [[], /\(file\): Expected object/],
  ])('%j is refused', (file, message) => {
    expect(() => parseFolkbokforingFixture(file, 'test.json')).toThrow(FolkbokforingFixtureError);
    expect(() => parseFolkbokforingFixture(file, 'test.json')).toThrow(message);
  });

  it('names the file and lists every bad entry, not just the first', () => {
    const bad = { persons: { '197803149827': { name: anna.name }, '198705199837': { ...anna, address: { ...anna.address, city: '' } } } };
    expect(() => parseFolkbokforingFixture(bad, 'demo.json')).toThrow(
      'demo.json is invalid:\n  entry "197803149827": address: is required unless the entry has "protection" or "noAddress"\n  entry "198705199837": address.city: must not be empty',
    );
  });
});

describe('readFolkbokforingFixture', () => {
  it('reads a file and refuses one that is not JSON, naming it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'folkbokforing-'));
    try {
      const good = path.join(dir, 'good.json');
      fs.writeFileSync(good, JSON.stringify({ persons: { '197803149827': anna } }));
      expect((await readFolkbokforingFixture(good).lookup('197803149827')).status).toBe('found');
      const bad = path.join(dir, 'bad.json');
      fs.writeFileSync(bad, '{ "persons": ');
      expect(() => readFolkbokforingFixture(bad)).toThrow(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} could not be read as JSON`));
      expect(() => readFolkbokforingFixture(path.join(dir, 'missing.json'))).toThrow(/missing\.json could not be read/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
