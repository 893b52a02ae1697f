// What a tag prints, from a certificate's registry record. Pure: the record's shape only.
import { verifyUrl } from "../core/url.js";
import type { TagContent } from "./types.js";

export interface TagSource {
  certificate: { id: string; token: string };
  artisan: { craft: string | null };
  district: { name: string };
  product: { name: string } | null;
  giTag: { name: string } | null;
}

export function tagContent(record: TagSource, baseUrl: string): TagContent {
  const product = record.product
    ? { kind: "product" as const, name: record.product.name }
    : record.artisan.craft
      ? { kind: "craft" as const, name: record.artisan.craft }
      : null;
  return {
    serial: record.certificate.id,
    verifyUrl: verifyUrl(baseUrl, record.certificate.token),
    product,
    district: record.district.name,
    giTag: record.giTag?.name ?? null,
  };
}
