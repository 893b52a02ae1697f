/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Home: what needs attention in the person's scope. Each block reads the same services and
// scope rules as the API; the reports of suspected fakes will get their block here too.
import type { FC } from "hono/jsx";
import type { ConsoleSession } from "../../service/sessions.js";
import { Layout } from "./components.js";
import type { ConsoleLocale } from "./locale.js";

export interface HomeView {
  role: string;
  /** Artisans of the scope waiting for approval; null for roles that approve nobody. */
  pending: { id: number; name: string }[] | null;
  pendingMore: boolean;
  recent: { id: string; title: string; issuedAt: string; verifyPath: string }[];
}

export const HomePage: FC<{ locale: ConsoleLocale; session: ConsoleSession; view: HomeView }> = ({ locale, session, view }) => {
  const { t, fill } = locale;
  const h = t.home;
  return (
    <Layout locale={locale} title={h.title} session={session} path="/console" current="home">
      <h1>{fill(h.welcome, { name: session.person.name })}</h1>
      <p>{fill(h.actingAs, { role: view.role })}</p>
      {view.pending ? (
        <section aria-labelledby="pending-title" data-block="pending-artisans">
          <h2 id="pending-title">{h.pendingTitle}</h2>
          {view.pending.length === 0 ? (
            <p>{h.pendingNone}</p>
          ) : (
            <ul class="items">
              {view.pending.map((a) => (
                <li data-artisan={a.id}>{a.name}</li>
              ))}
            </ul>
          )}
          {view.pendingMore ? <p class="meta">{h.more}</p> : null}
        </section>
      ) : null}
      {/* Reports of suspected fakes in the scope get their block here, first, when they exist. */}
      <section aria-labelledby="recent-title" data-block="recent-certificates">
        <h2 id="recent-title">{h.recentTitle}</h2>
        {view.recent.length === 0 ? (
          <p>{h.recentNone}</p>
        ) : (
          <ul class="items">
            {view.recent.map((c) => (
              <li data-certificate={c.id}>
                <a href={c.verifyPath}>{c.title}</a>
                <p class="meta">
                  {c.id} · {fill(h.issuedOn, { date: locale.date(c.issuedAt) })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Layout>
  );
};
