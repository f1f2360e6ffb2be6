import { ask, openOptionsPage } from '../shared/messaging/ui-client.ts';
import { optionsHash, type OptionsTarget } from '../shared/ui/options-link.ts';
import type { PopupActions } from './model.ts';
import { PopupView } from './PopupView.tsx';
import { usePopupData } from './use-popup-data.ts';

/** The popup's container: the typed messages on one side, the pure view on the other. */
export function PopupApp() {
  const { model, setSync, setActivity, reloadActivity } = usePopupData();
  const actions: PopupActions = {
    syncNow: async () => setSync(await ask('sync/now', { pairId: null })),
    cancelSync: async () => setSync(await ask('sync/cancel')),
    openOptions: (target?: OptionsTarget) => {
      // Sign-in happens in the options page: the popup closes as soon as another window has focus.
      openOptionsPage(target ? optionsHash(target) : '')
        .catch(() => openOptionsPage())
        .then(
          () => window.close(),
          () => undefined,
        );
    },
    resolvePause: async (pairId, decision) => {
      setSync(await ask('pairs/resolvePause', { pairId, decision }));
      await reloadActivity();
    },
    undo: async (pairId, deletionId) => setActivity(await ask('activity/undo', { pairId, deletionId })),
  };
  return <PopupView model={model} actions={actions} />;
}
