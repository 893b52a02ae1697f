/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Home: what needs attention in the person's scope. Each block reads the same services and
// scope rules as the API.
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
  /** New (unreviewed) reports of suspected fakes in the scope; null for roles that handle none. */
  newReports: number | null;
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
                <li data-artisan={a.id}>
                  <a href={`/console/artisans/${a.id}`}>{a.name}</a>
                </li>
              ))}
            </ul>
          )}
          {view.pendingMore ? <p class="meta">{h.more}</p> : null}
        </section>
      ) : null}
      {view.newReports !== null ? (
        <section aria-labelledby="reports-title" data-block="new-reports">
          <h2 id="reports-title">{t.homeReports.title}</h2>
          {view.newReports === 0 ? (
            <p>{t.homeReports.none}</p>
          ) : (
            <p>
              <strong data-new-reports={view.newReports}>{fill(t.homeReports.newCount, { count: locale.number(view.newReports) })}</strong>{" "}
              <a href="/console/reports?status=new">{t.homeReports.open}</a>
            </p>
          )}
        </section>
      ) : null}
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
