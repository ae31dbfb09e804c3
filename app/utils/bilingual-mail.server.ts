/**
 * E-mail letters in Swedish, then English, in plain text and simple HTML: staff and residents have
 * no recorded language (ADR 008). Used by the notices and the reminders.
 */
import { i18next } from './i18next.server';

export type Translate = Awaited<ReturnType<typeof i18next.getFixedT>>;
/** A paragraph, a link with its label, or a bulleted list. */
export type MailBlock = string | { label: string; url: string } | { list: string[] };
export type MailLetter = { subject: string; blocks: MailBlock[] };
export type RenderedMail = { subject: string; text: string; html: string };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const textOf = (b: MailBlock) => (typeof b === 'string' ? b : 'list' in b ? b.list.map((item) => `- ${item}`).join('\n') : `${b.label}\n${b.url}`);
const htmlOf = (b: MailBlock) =>
  typeof b === 'string'
    ? `<p>${escapeHtml(b)}</p>`
    : 'list' in b
      ? `<ul>${b.list.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`
      : `<p>${escapeHtml(b.label)}<br><a href="${escapeHtml(b.url)}">${escapeHtml(b.url)}</a></p>`;

/** Composes the letter in each language (namespace `mail`) and renders both, Swedish first. */
export async function bilingualMail(compose: (t: Translate) => MailLetter): Promise<RenderedMail> {
  const languages = [
    { lng: 'sv', t: await i18next.getFixedT('sv', 'mail') },
    { lng: 'en', t: await i18next.getFixedT('en', 'mail') },
  ];
  const parts = languages.map(({ lng, t }) => ({ lng, t, letter: compose(t) }));
  const text = parts
    .map(({ t, letter }, i) => [...(i > 0 ? [`— ${t('section')} —`] : []), ...letter.blocks.map(textOf), t('footer')].join('\n\n'))
    .join('\n\n\n');
  const subject = parts.map((p) => p.letter.subject).join(' / ');
  const html = [
    '<!DOCTYPE html>',
    `<html lang="sv"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #0b0c0c;">',
    ...parts.map(({ lng, t, letter }, i) =>
      [
        i > 0 ? '<hr>' : '',
        `<div lang="${lng}">`,
        i > 0 ? `<p><strong>${escapeHtml(t('section'))}</strong></p>` : '',
        ...letter.blocks.map(htmlOf),
        `<p style="color: #505a5f;">${escapeHtml(t('footer'))}</p>`,
        '</div>',
      ]
        .filter(Boolean)
        .join('\n'),
    ),
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}
