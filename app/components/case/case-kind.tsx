import { useTranslation } from 'react-i18next';

/**
 * "Begäran om förändring" alone does not tell the resident what they asked for: a förändring
 * case also names its rights (radering, begränsning …). The other kinds hold one right each.
 */
export function CaseKind({ kind, rights }: { kind: string; rights: readonly string[] }) {
  const { t } = useTranslation('request');
  return (
    <>
      {t(`kinds.${kind}`)}
      {kind === 'forandring' && rights.length ? (
        <>
          <br />
          <span className="hint">{rights.map((r) => t(`rights.${r}.name`)).join(', ')}</span>
        </>
      ) : null}
    </>
  );
}
