import { Loaded } from '../shared/ui/Loaded.tsx';
import { useStatus } from '../shared/ui/use-status.ts';
import { openOptionsPage } from '../shared/messaging/ui-client.ts';

/** The toolbar popup. Until accounts can be connected it leads the user to the settings page. */
export function Popup() {
  const status = useStatus();
  return (
    <main>
      <header class="row">
        <h1>Tandem</h1>
        <span class="spacer" />
        {status.state === 'ready' && status.value.simulatorBuild && <span class="tag warn">simulator build</span>}
      </header>
      <Loaded value={status}>
        {() => (
          <section class="card" aria-labelledby="setup-title">
            <h2 id="setup-title">Not set up yet</h2>
            <p class="muted">Connect a Google and a Microsoft account, then pair a calendar from each.</p>
            <button class="primary" type="button" onClick={() => void openOptionsPage()}>
              Open settings
            </button>
          </section>
        )}
      </Loaded>
    </main>
  );
}
