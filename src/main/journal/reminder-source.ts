import type { Store } from '../store/index';
import { getDay, getReminder } from './diary';
import type { ReminderSource } from './reminder-scheduler';

const LAST_FIRED_KEY = 'diary.reminder.lastFired';

/**
 * Reads the reminder's inputs from the encrypted store. `requireStore` throws while the vault is
 * locked, which the source turns into `null` (nothing fires while locked).
 */
export function storeReminderSource(requireStore: () => Store): ReminderSource {
  const open = (): Store | null => {
    try {
      return requireStore();
    } catch {
      return null;
    }
  };
  return {
    read(date) {
      const store = open();
      if (store === null) return null;
      const last = store.getSetting(LAST_FIRED_KEY);
      return {
        time: getReminder(store).time,
        filled: getDay(store, date).entry !== null,
        lastFired: typeof last === 'string' ? last : null,
      };
    },
    markFired(date) {
      open()?.setSetting(LAST_FIRED_KEY, date);
    },
  };
}
