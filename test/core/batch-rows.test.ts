// Batch rows are checked without zod when they are plainly valid (acceptedItem, for speed); every
// other row goes through the zod schema, whose words the row errors quote. The two must agree:
// whatever acceptedItem accepts, zod accepts with the same output, and what zod refuses,
// acceptedItem refuses too.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { acceptedItem, batchItemInput } from "../../src/service/batches.js";

const fields = ["artisanId", "title", "materials", "madeOn", "productId", "claimGi", "giTagId"] as const;

// Values near every rule's edges: bounds of the ids, lengths 0/1/80/81/200/201 after trimming,
// formula starts, refused characters, real and impossible dates, and wrong types.
const edgeNumber = fc.constantFrom(0, 1, -1, 1.5, -0, 42, 0xffff, 0x10000, 0xffff_ffff, 0x1_0000_0000, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 2);
const edgeText = fc.oneof(
  fc.constantFrom("", " ", "Saree", "  Saree  ", "=1+1", " +x", "-5", "@x", "\tx", "a\u0000b", "a\u202eb", "a\u200bb", "\ufeffx", "साड़ी", "x\n", "\ud800"),
  fc.integer({ min: 78, max: 82 }).map((n) => "m".repeat(n)),
  fc.integer({ min: 198, max: 203 }).map((n) => ` ${"t".repeat(n)} `),
  fc.string({ maxLength: 12 }),
);
const edgeDate = fc.oneof(fc.constantFrom("2026-01-15", "2026-02-29", "2024-02-29", "2026-13-01", "0000-01-01", "2026-1-5", " 2026-01-15", "2999-12-31"), fc.string({ maxLength: 10 }));
const anything = fc.oneof(edgeNumber, edgeText, fc.boolean(), fc.constant(null), fc.constant(undefined), fc.array(edgeText, { maxLength: 3 }), fc.object({ maxDepth: 1 }));
const valueOf: Record<(typeof fields)[number], fc.Arbitrary<unknown>> = {
  artisanId: fc.oneof(edgeNumber, anything),
  title: fc.oneof(edgeText, anything),
  materials: fc.oneof(fc.array(edgeText, { maxLength: 22 }), fc.array(fc.constantFrom("brass", " lacquer "), { minLength: 19, maxLength: 21 }), anything),
  madeOn: fc.oneof(edgeDate, anything),
  productId: fc.oneof(edgeNumber, anything),
  claimGi: fc.oneof(fc.boolean(), anything),
  giTagId: fc.oneof(edgeNumber, anything),
};
// Mostly valid rows with one or two fields changed, so that both answers are exercised.
const validRow = fc.record(
  {
    artisanId: fc.integer({ min: 1, max: 0xffff_ffff }),
    title: fc.constantFrom("Saree", " Jangla saree ", "साड़ी"),
    materials: fc.array(fc.constantFrom("silk", " zari ", "ज़री"), { maxLength: 20 }),
    madeOn: fc.constantFrom("2026-01-15", "2024-02-29"),
    productId: fc.integer({ min: 1, max: 0xffff }),
    claimGi: fc.boolean(),
    giTagId: fc.integer({ min: 1, max: 0xffff }),
  },
  { requiredKeys: ["artisanId", "title"] },
);
const row = fc.oneof(
  validRow,
  fc.tuple(validRow, fc.constantFrom(...fields), fc.constantFrom(...fields)).chain(([base, a, b]) =>
    fc.tuple(valueOf[a], valueOf[b]).map(([va, vb]) => ({ ...base, [a]: va, [b]: vb })),
  ),
  fc.tuple(validRow, fc.constantFrom("extra", "artisan_id", "__proto__", "constructor")).map(([base, key]) => JSON.parse(JSON.stringify({ ...base, [key]: 1 })) as unknown),
  anything,
);

describe("batch rows checked without zod", () => {
  it("accept exactly what the zod schema accepts, with the same output", () => {
    let accepted = 0;
    fc.assert(
      fc.property(row, (value) => {
        const fast = acceptedItem(value);
        const zod = batchItemInput.safeParse(value);
        if (fast) {
          accepted++;
          expect(zod.success).toBe(true);
          // toEqual: a member given as undefined is absent from one output and undefined in the other.
          expect(fast).toEqual(zod.data);
        } else expect(zod.success).toBe(false);
      }),
      { numRuns: 5000 },
    );
    expect(accepted).toBeGreaterThan(500);
  });
});
