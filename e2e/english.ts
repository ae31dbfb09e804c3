/**
 * Swedish left on an English page: every Swedish interface text of the given locale namespaces
 * that differs from its English text, split at its placeholders. Names of PUAs and kommuner are
 * proper names and stay Swedish; they are not interface text and are not in these files.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

type Tree = { [key: string]: string | Tree };
const locale = (lng: string, ns: string) => JSON.parse(readFileSync(new URL(`../locales/${lng}/${ns}.json`, import.meta.url), 'utf8')) as Tree;

function pairs(sv: Tree, en: Tree, out: [string, string][] = []): [string, string][] {
  for (const [key, value] of Object.entries(sv)) {
    const other = en[key];
    if (typeof value === 'string' && typeof other === 'string') out.push([value, other]);
    else if (typeof value === 'object' && typeof other === 'object') pairs(value, other, out);
  }
  return out;
}

const cache = new Map<string, string[]>();

function swedishUi(namespaces: readonly string[]): string[] {
  const key = [...namespaces].sort().join(',');
  if (!cache.has(key)) {
    const texts = namespaces
      .flatMap((ns) => pairs(locale('sv', ns), locale('en', ns)))
      .filter(([sv, en]) => sv !== en)
      .flatMap(([sv]) => sv.split(/\{\{[^}]+\}\}/))
      .map((s) => s.trim().replace(/^[.,:;()–-]+|[.,:;()–-]+$/g, '').trim())
      .filter((s) => s.length >= 4);
    cache.set(key, [...new Set(texts)]);
  }
  return cache.get(key)!;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The text as a whole word or phrase: "Delegat" is not found in "Delegate". */
const asWords = (s: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(s)}(?![\\p{L}\\p{N}])`, 'u');

/**
 * Parts marked `lang="sv"` are Swedish content, not interface text (a nämnd's own remark, say),
 * and are left out. `allowed`: other Swedish on the page that is not interface text here.
 */
export async function expectNoSwedishUi(page: Page, namespaces: readonly string[], allowed: readonly string[] = []) {
  const text = await page.evaluate(() => {
    const parts = [...document.body.querySelectorAll<HTMLElement>('[lang="sv"]')];
    const shown = parts.map((el) => el.style.display);
    for (const el of parts) el.style.display = 'none';
    const visible = document.body.innerText;
    parts.forEach((el, i) => (el.style.display = shown[i]!));
    return visible;
  });
  const left = swedishUi(namespaces).filter((s) => asWords(s).test(text) && !allowed.includes(s));
  expect(left, `Swedish interface text on the English page ${page.url()}`).toEqual([]);
}
