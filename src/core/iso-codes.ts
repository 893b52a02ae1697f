// The codes a report form offers for where an item was bought and what it cost: ISO 3166-1
// alpha-2 countries (the 249 officially assigned) and ISO 4217 currencies in use. Pages name them
// in the reader's language through Intl.DisplayNames; the service stores the code.
import { COUNTRY_CODES as ISO_COUNTRIES } from "./countries.js";

/** The countries, in code order: the one list of ISO 3166-1 codes (countries.ts). */
export const COUNTRY_CODES: readonly string[] = [...ISO_COUNTRIES];

/** Offered first: where most of these goods are bought (India), and the currencies of the pages' readers. */
export const COMMON_CURRENCY_CODES = ["INR", "USD", "EUR", "GBP", "AED", "SAR", "JPY", "CNY", "CAD", "AUD", "SGD", "CHF"] as const;

export const CURRENCY_CODES = (
  "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CLP " +
  "CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR " +
  "ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT " +
  "MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD " +
  "SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND " +
  "VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG"
).split(" ") as readonly string[];
