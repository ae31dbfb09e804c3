/**
 * "BankID-appen (simulator)": a server-rendered page that stands in for the BankID app on a
 * phone. It lists pending orders with the text the user would see and lets a developer or demo
 * audience identify, sign, confirm a call or cancel as a test identity. Plain HTML forms, no
 * JavaScript; a developer tool, so its Swedish text is inline. Everything from an order is
 * HTML-escaped: userVisibleData is RP-supplied text.
 */
import type express from 'express';
import { findIdentity, fullName, TEST_IDENTITIES } from './identities';
import type { OrderStore } from './orders';
import { decodeVisibleData, isPhone, isSign, SimError, type Order, type OrderType } from './state';

const TYPE_LABEL: Record<OrderType, string> = {
  auth: 'Identifiering',
  sign: 'Underskrift',
  'phone/auth': 'Identifiering i telefon',
  'phone/sign': 'Underskrift i telefon',
};

const DONE: Record<string, string> = {
  approve: 'Klart: ordern är godkänd.',
  cancel: 'Ordern avbröts (userCancel).',
  'confirm-call': 'Samtalet är bekräftat.',
  'decline-call': 'Samtalet nekades (userDeclinedCall).',
  document: 'ID-handlingen är avläst.',
};

export function registerAppPage(app: express.Express, store: OrderStore): void {
  app.get('/', (req, res) => {
    const msg = typeof req.query.msg === 'string' ? DONE[req.query.msg] : undefined;
    const err = typeof req.query.err === 'string' ? req.query.err.slice(0, 300) : undefined;
    res.set('Cache-Control', 'no-store').type('html').send(renderPage(store.list(), msg, err));
  });

  const act = (action: string, run: (order: Order, body: Record<string, unknown>) => void) => {
    app.post(`/app/orders/:orderRef/${action}`, (req, res) => {
      try {
        run(store.get(req.params.orderRef as string), (req.body ?? {}) as Record<string, unknown>);
        res.redirect(303, `/?msg=${action}`);
      } catch (error) {
        if (!(error instanceof SimError)) throw error;
        res.redirect(303, `/?err=${encodeURIComponent(error.message)}`);
      }
    });
  };
  act('approve', (order, body) => {
    const typed = str(body.personalNumber);
    store.approve(order.orderRef, typed || str(body.identity) || undefined, typed ? str(body.name) : undefined);
  });
  act('cancel', (order) => store.fail(order.orderRef, 'userCancel'));
  act('confirm-call', (order) => store.confirmCall(order.orderRef));
  act('decline-call', (order) => store.fail(order.orderRef, 'userDeclinedCall'));
  act('document', (order) => store.documentScanned(order.orderRef));
}

function str(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function renderPage(orders: Order[], msg?: string, err?: string): string {
  const pending = orders.filter((o) => o.status === 'pending').reverse();
  const finished = orders.filter((o) => o.status !== 'pending').slice(-10).reverse();
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>BankID-appen (simulator)</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>BankID-appen (simulator)</h1>
<p class="lead">Ett utvecklingsverktyg som ersätter BankID-appen i mobilen. Här används inga riktiga BankID.</p>
${msg ? `<p class="flash ok" role="status">${escapeHtml(msg)}</p>` : ''}
${err ? `<p class="flash error" role="alert">Det gick inte: ${escapeHtml(err)}</p>` : ''}
<p><a href="/">Uppdatera</a></p>
<h2>Väntande order (${pending.length})</h2>
${pending.length ? pending.map(renderOrder).join('\n') : '<p>Inga väntande order. Starta en inloggning eller underskrift i portalen och välj Uppdatera.</p>'}
${finished.length ? renderFinished(finished) : ''}
</main>
</body>
</html>`;
}

function renderOrder(order: Order): string {
  const ref = escapeHtml(order.orderRef);
  const id = `o-${ref}`;
  const text = decodeVisibleData(order);
  const heading = isSign(order.type) ? 'Du skriver under:' : 'Mitt syfte:';
  const textBlock = text ? `<h4>${heading}</h4><div class="uvd">${escapeHtml(text)}</div>` : '';
  const base = `/app/orders/${encodeURIComponent(order.orderRef)}`;
  return `<section class="order" aria-labelledby="${id}">
<h3 id="${id}">${TYPE_LABEL[order.type]} – ${escapeHtml(order.rpName)}</h3>
<p class="meta">Status: <code>${escapeHtml(order.hintCode ?? '')}</code> · skapad ${escapeHtml(time(order.createdAt))} · <code>${ref}</code></p>
${textBlock}
<form method="post" action="${base}/approve">
${renderPerson(order)}
<div class="actions">${renderButtons(order, base)}</div>
</form>
</section>`;
}

/** Who acts: fixed once the order is bound to a person, otherwise chosen here. */
function renderPerson(order: Order): string {
  if (order.personalNumber) {
    const identity = order.identity ?? findIdentity(order.personalNumber);
    const who = identity ? `${fullName(identity)}, ` : '';
    return `<p>Personnummer: ${escapeHtml(who + order.personalNumber)}</p>`;
  }
  const ref = escapeHtml(order.orderRef);
  const options = TEST_IDENTITIES.map(
    (i) => `<option value="${i.personalNumber}">${escapeHtml(`${fullName(i)} (${i.personalNumber}) – ${i.note}`)}</option>`,
  ).join('');
  return `<fieldset>
<legend>Vem är du?</legend>
<label for="identity-${ref}">Testperson</label>
<select id="identity-${ref}" name="identity"><option value="">Välj testperson</option>${options}</select>
<p class="hint">eller ange valfritt giltigt personnummer:</p>
<label for="pnr-${ref}">Personnummer (ÅÅÅÅMMDDNNNN)</label>
<input id="pnr-${ref}" name="personalNumber" inputmode="numeric" autocomplete="off" pattern="[0-9]{8}-?[0-9]{4}" maxlength="13">
<label for="name-${ref}">Namn (förnamn efternamn)</label>
<input id="name-${ref}" name="name" autocomplete="off" maxlength="100">
</fieldset>`;
}

function renderButtons(order: Order, base: string): string {
  const cancel = `<button class="secondary" formaction="${base}/cancel" formnovalidate>Avbryt</button>`;
  if (isPhone(order.type) && order.hintCode === 'userCallConfirm') {
    return `<button formaction="${base}/confirm-call">Ja, jag är i samtal med ${escapeHtml(order.rpName)}</button>
<button class="secondary" formaction="${base}/decline-call" formnovalidate>Nej, jag är inte i samtal</button>${cancel}`;
  }
  const document = order.hintCode === 'userMrtd' ? `<button class="secondary" formaction="${base}/document">Fotografera ID-handling</button>` : '';
  return `${document}<button>${isSign(order.type) ? 'Skriv under' : 'Identifiera'}</button>${cancel}`;
}

function renderFinished(orders: Order[]): string {
  const rows = orders
    .map((o) => {
      const outcome = o.status === 'complete' ? 'klar' : `misslyckad: ${o.hintCode ?? ''}`;
      const who = o.completionData?.user.name ?? '';
      return `<tr><td>${escapeHtml(time(o.finishedAt ?? o.createdAt))}</td><td>${TYPE_LABEL[o.type]}</td><td>${escapeHtml(outcome)}</td><td>${escapeHtml(who)}</td></tr>`;
    })
    .join('');
  return `<h2>Senast avslutade</h2>
<table><thead><tr><th scope="col">Tid</th><th scope="col">Typ</th><th scope="col">Utfall</th><th scope="col">Namn</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function time(ms: number): string {
  return new Date(ms).toLocaleTimeString('sv-SE', { hour12: false });
}

const STYLE = `
:root { color-scheme: light; font-family: system-ui, sans-serif; color: #1a1a1a; background: #f4f5f7; }
main { max-width: 44rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
.lead { color: #444; margin-top: 0; }
.order { background: #fff; border: 1px solid #c9ced6; border-radius: .75rem; padding: 1rem 1.25rem; margin: 1rem 0; }
.order h3 { margin: 0 0 .25rem; font-size: 1.15rem; }
.meta { color: #444; font-size: .9rem; margin-top: 0; word-break: break-all; }
h4 { margin: 1rem 0 .25rem; }
.uvd { white-space: pre-wrap; background: #f7f7f9; border-left: 4px solid #193e4f; padding: .5rem .75rem; overflow-wrap: anywhere; }
fieldset { border: 1px solid #c9ced6; border-radius: .5rem; margin: 1rem 0; padding: .5rem 1rem 1rem; }
label { display: block; font-weight: 600; margin-top: .5rem; }
select, input { font: inherit; padding: .4rem; width: 100%; box-sizing: border-box; border: 1px solid #6b7280; border-radius: .35rem; }
.hint { margin: .75rem 0 0; color: #444; }
.actions { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: 1rem; }
button { font: inherit; padding: .55rem 1.1rem; border-radius: .4rem; border: 2px solid #193e4f; background: #193e4f; color: #fff; cursor: pointer; }
button.secondary { background: #fff; color: #193e4f; }
button:focus-visible, a:focus-visible, select:focus-visible, input:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
.flash { padding: .6rem .9rem; border-radius: .4rem; }
.flash.ok { background: #e6f4ea; border: 1px solid #1e7b34; }
.flash.error { background: #fdecea; border: 1px solid #b3261e; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid #dde1e6; }
code { font-size: .85em; }
`;
