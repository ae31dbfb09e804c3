import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Text from the kommun's configuration (e.g. what a nämnd handles) exists in Swedish only. On an
 * English page it is marked lang="sv" so a screen reader pronounces it as Swedish (WCAG 3.1.2).
 */
export function SwedishText({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return i18n.language === 'sv' ? <>{children}</> : <span lang="sv">{children}</span>;
}
