// Shipments and their items: reads, and the statements that change them, which the service runs
// in one db.batch with their audit entry. Every change is conditional on the shipment's state
// inside the statement itself (WHERE state = 'open'), so that a change that lost a race to a
// seal or a cancellation writes nothing.
import { and, asc, desc, eq, inArray, lt, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { AsliDatabase } from "./database.js";
import { statementChunks } from "./batches.js";
import { apiTokens, people, shipmentItems, shipments } from "../../db/schema.js";

export type Shipment = typeof shipments.$inferSelect;
export type NewShipment = typeof shipments.$inferInsert;
export type ShipmentItemRow = typeof shipmentItems.$inferSelect;
export type ShipmentState = Shipment["state"];

export function insertShipmentQuery(db: AsliDatabase, values: NewShipment) {
  return db.insert(shipments).values(values).returning();
}

export async function findShipment(db: AsliDatabase, id: string): Promise<Shipment | undefined> {
  return db.query.shipments.findFirst({ where: eq(shipments.id, id) });
}

/** Whose shipments a listing shows: an exporter's own (by token lineage or by person), or all. */
export type ShipmentOwnerFilter = { kind: "all" } | { kind: "token"; tokenId: number } | { kind: "person"; personId: number };

export interface ShipmentFilter {
  owner: ShipmentOwnerFilter;
  state?: ShipmentState;
  /** Newest first; the cursor is the (createdAt, id) of the last row of the previous page. */
  before?: { createdAt: number; id: string };
  limit: number;
}

export async function listShipments(db: AsliDatabase, filter: ShipmentFilter): Promise<Shipment[]> {
  const conditions: SQL[] = [];
  if (filter.owner.kind === "token") conditions.push(eq(shipments.ownerTokenId, filter.owner.tokenId));
  if (filter.owner.kind === "person") conditions.push(eq(shipments.ownerPersonId, filter.owner.personId));
  if (filter.state) conditions.push(eq(shipments.state, filter.state));
  if (filter.before) {
    const { createdAt, id } = filter.before;
    conditions.push(or(lt(shipments.createdAt, createdAt), and(eq(shipments.createdAt, createdAt), lt(shipments.id, id)))!);
  }
  return db
    .select()
    .from(shipments)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(shipments.createdAt), desc(shipments.id))
    .limit(filter.limit);
}

/** A shipment's items in manifest order: by the position they were added at. */
export async function listShipmentItems(db: AsliDatabase, shipmentId: string): Promise<ShipmentItemRow[]> {
  return db.select().from(shipmentItems).where(eq(shipmentItems.shipmentId, shipmentId)).orderBy(asc(shipmentItems.position));
}

/** The SQL condition "certificate id is an item of this shipment", for reading the items' records in bulk. */
export function itemOfShipment(column: AnyColumn, shipmentId: string): SQL {
  return sql`${column} IN (SELECT ${shipmentItems.certificateId} FROM ${shipmentItems} WHERE ${shipmentItems.shipmentId} = ${shipmentId})`;
}

/** Of these certificates, the ones in a shipment that is not cancelled, with that shipment's id. */
export async function certificatesInShipments(db: AsliDatabase, certificateIds: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (certificateIds.length === 0) return found;
  const rows = await db
    .select({ certificateId: shipmentItems.certificateId, shipmentId: shipmentItems.shipmentId })
    .from(shipmentItems)
    .where(and(eq(shipmentItems.released, false), sql`${shipmentItems.certificateId} IN (SELECT value FROM json_each(${JSON.stringify(certificateIds)}))`));
  for (const row of rows) found.set(row.certificateId, row.shipmentId);
  return found;
}

const isOpen = (id: string) => sql`EXISTS (SELECT 1 FROM ${shipments} WHERE ${shipments.id} = ${id} AND ${shipments.state} = 'open')`;

/**
 * Appends items to an open shipment, after the ones it holds, in the order given; nothing if
 * the shipment is no longer open. Rows travel as JSON (one parameter per statement, D1 binds at
 * most 100); each statement numbers its rows after the largest position written before it.
 */
export function addItemsStatements(db: AsliDatabase, shipmentId: string, items: readonly { certificateId: string; tokenSha256: string }[], at: number): BatchItem<"sqlite">[] {
  const encoded = items.map((item) => JSON.stringify([item.certificateId, item.tokenSha256]));
  return statementChunks(encoded).map((chunk) =>
    db.insert(shipmentItems).select(
      sql`SELECT ${shipmentId}, value->>0,
          (SELECT coalesce(max(${shipmentItems.position}), 0) FROM ${shipmentItems} WHERE ${shipmentItems.shipmentId} = ${shipmentId}) + key + 1,
          value->>1, ${at}, 0
        FROM json_each(${`[${chunk.join(",")}]`}) WHERE ${isOpen(shipmentId)}`,
    ),
  );
}

export function removeItemQuery(db: AsliDatabase, shipmentId: string, certificateId: string) {
  return db
    .delete(shipmentItems)
    .where(and(eq(shipmentItems.shipmentId, shipmentId), eq(shipmentItems.certificateId, certificateId), isOpen(shipmentId)))
    .returning();
}

/** After a change of an open shipment's items: its count, its version and its clock. */
export function itemsChangedQuery(db: AsliDatabase, shipmentId: string, at: number) {
  return db
    .update(shipments)
    .set({
      itemCount: sql`(SELECT count(*) FROM ${shipmentItems} WHERE ${shipmentItems.shipmentId} = ${shipmentId})`,
      version: sql`${shipments.version} + 1`,
      updatedAt: at,
    })
    .where(and(eq(shipments.id, shipmentId), eq(shipments.state, "open")))
    .returning();
}

/**
 * The audit entry's subject for a change of an open shipment's items that must hold within
 * `maxItems`: the shipment's id, or NULL (and so a NOT NULL failure that undoes the whole batch)
 * when the shipment was not open or now holds more.
 */
export function openWithinLimit(shipmentId: string, maxItems: number): SQL {
  return sql`(SELECT ${shipments.id} FROM ${shipments} WHERE ${shipments.id} = ${shipmentId} AND ${shipments.state} = 'open' AND ${shipments.itemCount} <= ${maxItems})`;
}

export interface SealValues {
  sealedAt: number;
  manifestHeader: string;
  manifestSignature: string;
  manifestKid: string;
  merkleRoot: string;
}

/** Seals the shipment if it is still open and its items are still those of `version`. */
export function sealQuery(db: AsliDatabase, shipmentId: string, version: number, values: SealValues) {
  return db
    .update(shipments)
    .set({ state: "sealed", updatedAt: values.sealedAt, ...values })
    .where(and(eq(shipments.id, shipmentId), eq(shipments.state, "open"), eq(shipments.version, version)))
    .returning();
}

/** Frees a cancelled shipment's certificates for another shipment (nothing while it is not cancelled). */
export function releaseItemsQuery(db: AsliDatabase, shipmentId: string) {
  return db
    .update(shipmentItems)
    .set({ released: true })
    .where(and(eq(shipmentItems.shipmentId, shipmentId), sql`EXISTS (SELECT 1 FROM ${shipments} WHERE ${shipments.id} = ${shipmentId} AND ${shipments.state} = 'cancelled')`));
}

export function cancelQuery(db: AsliDatabase, shipmentId: string, from: ShipmentState, at: number, reason: string | null) {
  return db
    .update(shipments)
    .set({ state: "cancelled", cancelledAt: at, cancelReason: reason, updatedAt: at })
    .where(and(eq(shipments.id, shipmentId), eq(shipments.state, from)))
    .returning();
}

/** The first token of a token's rotation chain: the exporter identity that its shipments belong to. */
export async function tokenLineageRoot(db: AsliDatabase, tokenId: number): Promise<{ id: number; name: string } | undefined> {
  const row = await db.get<{ id: number } | undefined>(sql`
    WITH RECURSIVE chain(id, replaces) AS (
      SELECT ${apiTokens.id}, ${apiTokens.replacesTokenId} FROM ${apiTokens} WHERE ${apiTokens.id} = ${tokenId}
      UNION ALL
      SELECT t.id, t.replaces_token_id FROM api_tokens t JOIN chain c ON t.id = c.replaces
    )
    SELECT id FROM chain WHERE replaces IS NULL LIMIT 1`);
  if (!row) return undefined;
  const [token] = await db.select({ name: apiTokens.name }).from(apiTokens).where(eq(apiTokens.id, tokenId));
  return token ? { id: row.id, name: token.name } : undefined;
}

export async function personName(db: AsliDatabase, personId: number): Promise<string | undefined> {
  const [row] = await db.select({ name: people.name }).from(people).where(eq(people.id, personId));
  return row?.name;
}

/** Shipments by id, for a listing that names them (a certificate's other shipment). */
export async function findShipments(db: AsliDatabase, ids: readonly string[]): Promise<Shipment[]> {
  return ids.length === 0 ? [] : db.select().from(shipments).where(inArray(shipments.id, [...ids]));
}
