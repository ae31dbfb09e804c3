import type { MetaDescriptor } from '@remix-run/node';

type ParentMatch = { meta?: MetaDescriptor[] };

/**
 * A route's `meta` replaces its parents' in Remix v2, which would drop the root's viewport tag.
 * This keeps the parents' descriptors. The title is not a meta descriptor: root.tsx renders it
 * from the deepest loader's `title`, adding "Fel:" when a form came back with errors (`meta`
 * never sees action data, so it could not).
 */
export function pageMeta(matches: readonly ParentMatch[]): MetaDescriptor[] {
  return matches.flatMap((match) => match.meta ?? []).filter((descriptor) => !('title' in descriptor));
}
