/**
 * Every address no other route matches. Throwing a 404 Response (instead of rendering a page here)
 * lets the root ErrorBoundary show "Sidan kunde inte hittas" with the right status code.
 */
export function loader() {
  throw new Response('Not Found', { status: 404 });
}

// A default export keeps this a UI route; a resource route would send the bare text instead.
export default function NotFound() {
  return null;
}
