// Every language's catalog at once: what Node loads at start, and what the tests read.
// Importing this module also makes them all available to `locale` (catalog.ts).
import { addCatalog, addEnglishConsole, type Catalog } from "./catalog.js";
import type { Language } from "./languages.js";
import { enConsole } from "./messages/en-console.js";
import { hi } from "./messages/hi.js";
import { ur } from "./messages/ur.js";
import { ar } from "./messages/ar.js";
import { fr } from "./messages/fr.js";
import { de } from "./messages/de.js";
import { es } from "./messages/es.js";
import { ja } from "./messages/ja.js";
import { zh } from "./messages/zh.js";

export const CATALOGS: Record<Language, Catalog> = { en: addEnglishConsole(enConsole), hi, ur, ar, fr, de, es, ja, zh };

for (const [lang, catalog] of Object.entries(CATALOGS)) addCatalog(lang as Language, catalog);
