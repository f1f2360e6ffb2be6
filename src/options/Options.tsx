import { Loaded } from '../shared/ui/Loaded.tsx';
import { useStatus } from '../shared/ui/use-status.ts';

/** The settings page. Shows the facts a user needs to register Tandem with Google and Microsoft. */
export function Options() {
  const status = useStatus();
  return (
    <main>
      <h1>Tandem settings</h1>
      <Loaded value={status}>
        {(value) => (
          <>
            <section class="card" aria-labelledby="accounts-title">
              <h2 id="accounts-title">Accounts</h2>
              <p class="muted">No account is connected. Account sign-in is not part of this version yet.</p>
            </section>
            <section class="card" aria-labelledby="about-title">
              <h2 id="about-title">This installation</h2>
              <dl>
                <dt>Version</dt>
                <dd>{value.version}</dd>
                <dt>Build</dt>
                <dd>{value.simulatorBuild ? 'Simulator (loopback endpoints)' : 'Production'}</dd>
                <dt>Redirect URI</dt>
                <dd>
                  <code data-testid="redirect-uri">{value.redirectUri}</code>
                </dd>
                <dt>Google Calendar API</dt>
                <dd>
                  <code>{value.endpoints.googleApi}</code>
                </dd>
                <dt>Microsoft Graph</dt>
                <dd>
                  <code>{value.endpoints.graphApi}</code>
                </dd>
              </dl>
            </section>
          </>
        )}
      </Loaded>
    </main>
  );
}
