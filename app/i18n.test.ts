import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NAMESPACES, supportedLngs } from './i18n';

const keysOf = (obj: unknown, prefix = ''): string[] =>
  obj && typeof obj === 'object' ? Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => keysOf(v, `${prefix}${k}.`)) : [prefix.slice(0, -1)];

describe('locales', () => {
  it.each(supportedLngs)('NAMESPACES lists exactly the files in locales/%s', (lng) => {
    const files = fs.readdirSync(`locales/${lng}`).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
    expect([...files].sort()).toEqual([...NAMESPACES].sort());
  });

  it.each(NAMESPACES)('%s has the same keys in Swedish and English', (ns) => {
    const sv = keysOf(JSON.parse(fs.readFileSync(`locales/sv/${ns}.json`, 'utf8'))).sort();
    const en = keysOf(JSON.parse(fs.readFileSync(`locales/en/${ns}.json`, 'utf8'))).sort();
    expect(en).toEqual(sv);
  });
});
