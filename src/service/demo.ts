// Demo data for a development start: one GI-authorised Banarasi weaver and one certificate.
import { and, asc, eq } from "drizzle-orm";
import { artisans, certificates, giTags, products } from "../../db/schema.js";
import type { SigningKey } from "../core/keys.js";
import type { AsliDatabase } from "../store/database.js";
import type { Principal } from "./access.js";
import { registerArtisan } from "./artisans.js";
import { issueCertificate } from "./certificates.js";

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
export async function ensureDemoData(db: AsliDatabase, signingKey: SigningKey, now: Date): Promise<DemoData> {
  const existing = await db
    .select({ artisanId: artisans.id, certificateId: certificates.id, token: certificates.token })
    .from(artisans)
    .innerJoin(certificates, eq(certificates.artisanId, artisans.id))
    .where(eq(artisans.name, DEMO_ARTISAN_NAME))
    .orderBy(asc(certificates.issuedAt))
    .limit(1);
  if (existing[0]) return { ...existing[0], created: false };

  const [product] = await db.select().from(products).where(and(eq(products.districtCode, VARANASI), eq(products.name, "Banarasi Silk Saree")));
  const [gi] = await db.select().from(giTags).where(eq(giTags.name, "Banaras Brocades and Sarees"));
  const artisan = await registerArtisan(
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
  );
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
  );
  return { artisanId: artisan.id, certificateId: certificate.id, token: certificate.token, created: true };
}
