// Words the console builds from data: a role with its scope, a passkey's name.
import type { PersonScope } from "../../service/access.js";
import type { ScopeNames } from "../../service/scope.js";
import type { ConsoleLocale } from "./locale.js";

/** "District office staff, Varanasi": the role and the scope it acts in. */
export function roleText({ t, fill }: ConsoleLocale, scope: PersonScope, names: ScopeNames): string {
  switch (scope.role) {
    case "admin":
      return t.roleIn.admin;
    case "district":
      return fill(t.roleIn.district, { district: names.district(scope.districtCode) });
    case "gi-body":
      return fill(t.roleIn.giBody, { gi: names.giTag(scope.giTagId) });
    case "artisan":
      return fill(t.roleIn.artisan, { artisan: names.artisan(scope.artisanId) });
    case "exporter":
      return t.roleIn.exporter;
  }
}

/** The role's name alone, for a choice of roles. */
export function roleName({ t }: ConsoleLocale, role: PersonScope["role"]): string {
  return role === "gi-body" ? t.roles.giBody : t.roles[role];
}
