import type { MetaDescriptor } from '@remix-run/node';

type ParentMatch = { meta?: MetaDescriptor[] };

/**
 * A route's `meta` replaces its parents' in Remix v2, which would drop the root's viewport tag.
 * This keeps the parents' descriptors (except their titles) and adds the page's own title.
 */
export function pageMeta(title: string | undefined, matches: readonly ParentMatch[]): MetaDescriptor[] {
  const inherited = matches.flatMap((match) => match.meta ?? []).filter((descriptor) => !('title' in descriptor));
  return title ? [...inherited, { title }] : inherited;
}
