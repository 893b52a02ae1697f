// What the printed first buyer's claim card says, in English and Hindi, from the catalogs: the
// layout and the PDF are the invitation slip's (src/render/slip.ts). Its QR is the certificate's
// verify URL, as on the tag; the claim code is printed only, never encoded in a QR.
import type { SlipContent } from "../../render/slip.js";
import { consoleLocale, type ConsoleLocale } from "./locale.js";

export function claimCardContent(serial: string, verifyUrl: string, code: string): SlipContent {
  const en = consoleLocale("en");
  const hi = consoleLocale("hi");
  const both = (text: (l: ConsoleLocale) => string) => `${text(en)} · ${text(hi)}`;
  const steps = (l: ConsoleLocale) => [l.t.claimCard.step1, l.t.claimCard.step2, l.t.claimCard.step3];
  return {
    url: verifyUrl,
    heading: [en.t.claimCard.heading, hi.t.claimCard.heading],
    details: [
      { label: both((l) => l.t.claimCard.certificate), value: serial },
      { label: both((l) => l.t.claimCard.code), value: code },
    ],
    steps: [...steps(en), ...steps(hi)],
    footer: [en.t.claimCard.keep, hi.t.claimCard.keep],
  };
}
