/** Persistence of BankID orders. Every read is scoped by the caller's flow token. */
import crypto from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { bankIdOrders } from '../../db/schema/index';
import { db, type Database } from '../utils/db.server';

export type BankIdOrder = typeof bankIdOrders.$inferSelect;
export type NewBankIdOrder = typeof bankIdOrders.$inferInsert;
export type BankIdPurpose = BankIdOrder['purpose'];

export const hashFlowToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export async function insertOrder(values: NewBankIdOrder, database: Database = db()) {
  const [row] = await database.insert(bankIdOrders).values(values).returning();
  return row!;
}

/** The newest order of this purpose started by this browser flow, if any. */
export async function findFlowOrder(flowToken: string, purpose: BankIdPurpose, database: Database = db()) {
  const [row] = await database
    .select()
    .from(bankIdOrders)
    .where(and(eq(bankIdOrders.flowTokenHash, hashFlowToken(flowToken)), eq(bankIdOrders.purpose, purpose)))
    .orderBy(desc(bankIdOrders.createdAt))
    .limit(1);
  return row ?? null;
}

/** A phone identification started by a staff session (reception), by id. */
export async function findSessionOrder(id: string, sessionId: string, database: Database = db()) {
  const [row] = await database
    .select()
    .from(bankIdOrders)
    .where(and(eq(bankIdOrders.id, id), eq(bankIdOrders.startedBySessionId, sessionId)))
    .limit(1);
  return row ?? null;
}

export async function updateOrder(id: string, values: Partial<NewBankIdOrder>, database: Database = db()) {
  const [row] = await database.update(bankIdOrders).set(values).where(eq(bankIdOrders.id, id)).returning();
  return row!;
}

/**
 * Marks a complete order as used, atomically: only the first caller gets the row back, so a
 * double-submitted status check or a replayed request can never log in or sign twice.
 */
export async function consumeOrder(id: string, database: Database = db()) {
  const [row] = await database
    .update(bankIdOrders)
    .set({ consumedAt: new Date() })
    .where(and(eq(bankIdOrders.id, id), eq(bankIdOrders.status, 'complete'), isNull(bankIdOrders.consumedAt)))
    .returning();
  return row ?? null;
}
