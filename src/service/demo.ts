// Demo data for a development start: one GI-authorised Banarasi weaver and one certificate, a
// sealed demo shipment of it, and a console sign-in link for a demo district officer.
import { and, asc, eq, isNull, ne } from "drizzle-orm";
import { artisans, certificates, giTags, people, products, shipments } from "../../db/schema.js";
import { utf8 } from "../core/bytes.js";
import { unixSeconds } from "../core/time.js";
import { listInvitations } from "../store/people.js";
import type { SigningKey } from "../core/keys.js";
import type { AsliDatabase } from "../store/database.js";
import type { Principal } from "./access.js";
import { registerArtisan } from "./artisans.js";
import { issueCertificate } from "./certificates.js";
import type { LogAppender } from "./tlog.js";
import { createInvitation, inviteExistingPerson, withdrawInvitation } from "./invitations.js";
import { addItems, createShipment, sealShipment } from "./shipments.js";
import { createToken } from "./tokens.js";
import type { VerificationDeps } from "./verification.js";

/** Demo data is written by the service itself at start-up, as the registry. */
const SYSTEM: Principal = { role: "admin", tokenId: null, districtCode: null, giTagId: null, artisanId: null };

export const DEMO_ARTISAN_NAME = "Shabana Ansari (demo artisan)";
const VARANASI = 187;

export interface DemoData {
  artisanId: number;
  certificateId: string;
  token: string;
  created: boolean;
}

/** Creates the demo artisan and certificate once; later calls return the same ones. */
export async function ensureDemoData(db: AsliDatabase, signingKey: SigningKey, now: Date, log: LogAppender): Promise<DemoData> {
  // Looked up in two steps: a start that died between the two writes below finds its artisan
  // again instead of failing on the GI authorised-user number forever after.
  const [registered] = await db.select({ id: artisans.id }).from(artisans).where(eq(artisans.name, DEMO_ARTISAN_NAME)).orderBy(asc(artisans.id)).limit(1);
  if (registered) {
    const [existing] = await db
      .select({ certificateId: certificates.id, token: certificates.token })
      .from(certificates)
      .where(eq(certificates.artisanId, registered.id))
      .orderBy(asc(certificates.issuedAt))
      .limit(1);
    if (existing) return { artisanId: registered.id, ...existing, created: false };
  }

  const [product] = await db.select().from(products).where(and(eq(products.districtCode, VARANASI), eq(products.name, "Banarasi Silk Saree")));
  const [gi] = await db.select().from(giTags).where(eq(giTags.name, "Banaras Brocades and Sarees"));
  const artisan =
    registered ??
    (await registerArtisan(
      db,
      SYSTEM,
      {
        name: DEMO_ARTISAN_NAME,
        districtCode: VARANASI,
        ...(product ? { productId: product.id } : { craft: "Banarasi silk weaving" }),
        ...(gi ? { giTagId: gi.id, giAuthorisedUserNumber: "DEMO-AU-0001" } : {}),
        seller: { name: "Kashi Handloom Cooperative (demo)", gstin: "09AAACK1234A1Z8" },
        status: "active",
        maySelfIssue: false,
      },
      now,
    ));
  const certificate = await issueCertificate(
    db,
    signingKey,
    SYSTEM,
    {
      artisanId: artisan.id,
      title: "Banarasi katan silk saree with zari buta",
      materials: ["mulberry silk", "zari"],
      madeOn: new Date(now.getTime() - 14 * 86_400_000).toISOString().slice(0, 10),
      claimGi: true,
    },
    now,
    log,
  );
  return { artisanId: artisan.id, certificateId: certificate.id, token: certificate.token, created: true };
}

export const DEMO_DISTRICT_OFFICER = "Demo district officer (Varanasi)";

/**
 * A fresh one-time console sign-in link for the demo district officer of Varanasi, for a
 * development start: the first one creates the officer; later ones add a passkey for them (a new
 * browser, say). Earlier demo links that are still pending are withdrawn, so one works at a time.
 */
export async function ensureDemoInvitation(db: AsliDatabase, now: Date, ttlHours: number): Promise<{ secret: string }> {
  const pending = await listInvitations(db, { kind: "all" }, { state: "pending", limit: 200 }, unixSeconds(now));
  for (const old of pending.filter((i) => i.name === DEMO_DISTRICT_OFFICER)) await withdrawInvitation(db, SYSTEM, old.id, now);
  const [officer] = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.name, DEMO_DISTRICT_OFFICER), eq(people.role, "district"), eq(people.districtCode, VARANASI), isNull(people.revokedAt)))
    .limit(1);
  if (officer) return inviteExistingPerson(db, SYSTEM, officer.id, now, ttlHours);
  return createInvitation(db, SYSTEM, { name: DEMO_DISTRICT_OFFICER, role: "district", districtCode: VARANASI }, now, ttlHours);
}

export const DEMO_EXPORTER = "Bhadohi Carpet Exports (demo exporter)";

/**
 * A sealed demo shipment of the demo certificate, to a consignee in the UAE, so that a
 * development start shows a shipment's public page and manifest too. It belongs to a demo
 * exporter token whose secret is never shown (the demo is to look at, not to change). Later
 * calls return the same shipment; a start that stopped before sealing seals it now.
 */
export async function ensureDemoShipment(deps: VerificationDeps, demo: DemoData, now: Date): Promise<{ id: string; created: boolean }> {
  const { db } = deps;
  const [existing] = await db.select().from(shipments).where(and(eq(shipments.exporterName, DEMO_EXPORTER), ne(shipments.state, "cancelled"))).orderBy(asc(shipments.createdAt)).limit(1);
  if (existing?.state === "sealed") return { id: existing.id, created: false };
  let tokenId = existing?.ownerTokenId ?? null;
  if (tokenId === null) tokenId = (await createToken(db, SYSTEM, { name: DEMO_EXPORTER, role: "exporter" }, now)).record.id;
  const exporter: Principal = { role: "exporter", tokenId, districtCode: null, giTagId: null, artisanId: null };
  const shipment = existing ?? (await createShipment(db, exporter, { consigneeName: "Al Noor Trading LLC (demo consignee)", consigneeCountry: "AE", reference: "DEMO-INV-0001" }, now));
  await addItems(deps, exporter, shipment.id, { kind: "json", body: utf8(JSON.stringify({ items: [demo.certificateId] })) });
  await sealShipment(deps, exporter, shipment.id);
  return { id: shipment.id, created: true };
}
