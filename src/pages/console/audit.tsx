/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The audit trail of the person's scope: read-only, newest first, a page at a time.
import type { FC } from "hono/jsx";
import type { ConsoleSession } from "../../service/sessions.js";
import { Layout } from "./components.js";
import type { ConsoleLocale } from "./locale.js";

export interface AuditEntryView {
  id: number;
  at: string;
  action: string;
  role: string;
  subject: { type: string; id: string; href: string | null };
}

export const AuditPage: FC<{ locale: ConsoleLocale; session: ConsoleSession; entries: AuditEntryView[]; olderHref: string | null }> = ({ locale, session, entries, olderHref }) => {
  const { t, fill } = locale;
  const a = t.audit;
  const actions = a.actions as Record<string, string>;
  return (
    <Layout locale={locale} title={a.title} session={session} path="/console/audit" current="audit">
      <h1>{a.title}</h1>
      <p>{a.lead}</p>
      <section>
        {entries.length === 0 ? (
          <p>{a.none}</p>
        ) : (
          <ul class="items">
            {entries.map((e) => (
              <li data-audit={e.id} data-action={e.action}>
                <strong>{Object.hasOwn(actions, e.action) ? actions[e.action] : e.action}</strong>
                <p class="meta">
                  {locale.dateTime(e.at)} · {fill(a.by, { role: e.role })} · {e.subject.href ? <a href={e.subject.href}>{`${e.subject.type} ${e.subject.id}`}</a> : `${e.subject.type} ${e.subject.id}`}
                </p>
              </li>
            ))}
          </ul>
        )}
        {olderHref ? (
          <p>
            <a href={olderHref}>{a.older}</a>
          </p>
        ) : null}
      </section>
    </Layout>
  );
};
