// What the printed invitation slip says, in English and Hindi, from the catalogs: the layout
// and the PDF are the render layer's (src/render/slip.ts).
import type { SlipContent } from "../../render/slip.js";
import type { PersonScope } from "../../service/access.js";
import type { ScopeNames } from "../../service/scope.js";
import { consoleLocale, type ConsoleLocale } from "./locale.js";
import { roleText } from "./text.js";

export function slipContent(invitation: PersonScope & { name: string; expiresAt: string }, url: string, consoleUrl: string, names: ScopeNames): SlipContent {
  const en = consoleLocale("en");
  const hi = consoleLocale("hi");
  const both = (text: (l: ConsoleLocale) => string) => `${text(en)} · ${text(hi)}`;
  const steps = (l: ConsoleLocale) => [l.t.slip.step1, l.t.slip.step2, l.fill(l.t.slip.step3, { console: consoleUrl })];
  return {
    url,
    heading: [en.t.slip.heading, hi.t.slip.heading],
    details: [
      { label: both((l) => l.t.slip.name), value: invitation.name },
      { label: both((l) => l.t.slip.role), value: both((l) => roleText(l, invitation, names)) },
      { label: both((l) => l.t.slip.validUntil), value: both((l) => l.dateTime(invitation.expiresAt)) },
    ],
    steps: [...steps(en), ...steps(hi)],
    footer: [en.t.slip.keep, hi.t.slip.keep],
  };
}
