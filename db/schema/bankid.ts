/**
 * BankID orders the portal has started (issue #3). Each is bound to the browser flow that
 * started it (`flowTokenHash`, from a signed cookie) so status, QR and cancel only ever act on the
 * caller's own order. The completion data holds a personnummer and a name, so it is stored
 * encrypted; `consumedAt` makes sure one order yields at most one login or signature.
 */
import { index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const bankIdPurpose = pgEnum('bankid_purpose', ['login_resident', 'login_staff', 'sign', 'phone_auth']);
export const bankIdOrderStatus = pgEnum('bankid_order_status', ['pending', 'complete', 'failed', 'error']);

export const bankIdOrders = pgTable('bankid_orders', {
  id: uuid('id').primaryKey().defaultRandom(),
  flowTokenHash: text('flow_token_hash').notNull(),
  purpose: bankIdPurpose('purpose').notNull(),
  /** 'auth' | 'sign' | 'phone/auth' | 'phone/sign' */
  type: text('type').notNull(),
  /** 'qr' | 'autostart' | 'phone' — how the person starts the app; picks the RFA message. */
  startMethod: text('start_method').notNull(),
  orderRef: text('order_ref').unique(),
  autoStartToken: text('auto_start_token'),
  qrStartToken: text('qr_start_token'),
  /** Never leaves the server: QR codes are computed here (BANKID.md). */
  qrStartSecret: text('qr_start_secret'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  status: bankIdOrderStatus('status').notNull().default('pending'),
  hintCode: text('hint_code'),
  errorCode: text('error_code'),
  lastCollectAt: timestamp('last_collect_at', { withTimezone: true }),
  /** AES-GCM encrypted JSON of the completion data (personnummer, name, signature, OCSP). */
  completionCiphertext: text('completion_ciphertext'),
  risk: text('risk'),
  consumedAt: timestamp('consumed_at', { withTimezone: true }),
  /** Where to go after a login; only local paths are stored. */
  redirectTo: text('redirect_to'),
  /** Staff session that started a phone identification or a resident session that signs. */
  startedBySessionId: uuid('started_by_session_id'),
  /** For sign and phone orders: the lookup hash of the person who must complete it. */
  expectedPnrLookup: text('expected_pnr_lookup'),
  /** For sign orders: SHA-256 (hex) of the canonical payload, sent as userNonVisibleData. */
  payloadHash: text('payload_hash'),
  details: jsonb('details').$type<Record<string, unknown>>(),
}, (t) => [index('bankid_orders_flow_idx').on(t.flowTokenHash, t.createdAt)]);
