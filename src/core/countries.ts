// ISO 3166-1 alpha-2: the country codes a consignee's country is given in, and the language the
// provenance document adds to English for it. Pure data.

/** Every officially assigned alpha-2 code (ISO 3166-1, 249 codes). */
export const COUNTRY_CODES: ReadonlySet<string> = new Set(
  (
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
    "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
    "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP " +
    "KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT " +
    "MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW " +
    "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG " +
    "UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW"
  ).split(" "),
);

export function isAssignedCountry(code: string): boolean {
  return COUNTRY_CODES.has(code);
}

/**
 * The language of the public pages (src/pages/i18n/languages.ts) that a consignee in this
 * country most likely reads, where it is one of ours besides English: the provenance document's
 * second language unless the exporter chooses another.
 */
const COUNTRY_LANGUAGES: Record<string, string> = {
  ...Object.fromEntries("AE SA QA KW BH OM EG JO MA DZ TN LB IQ YE LY SD SY PS MR SO DJ KM".split(" ").map((c) => [c, "ar"])),
  ...Object.fromEntries("FR MC LU BE SN CI CM ML BF NE TG BJ GA CG CD MG HT".split(" ").map((c) => [c, "fr"])),
  ...Object.fromEntries("DE AT CH LI".split(" ").map((c) => [c, "de"])),
  ...Object.fromEntries("ES MX AR CO CL PE VE EC GT CU BO DO HN PY SV NI CR PA UY GQ PR".split(" ").map((c) => [c, "es"])),
  PK: "ur",
  IN: "hi",
  JP: "ja",
  CN: "zh",
  TW: "zh",
};

export function countryLanguage(code: string): string {
  return COUNTRY_LANGUAGES[code] ?? "en";
}
