// A stack's state store as a sharded agent uses it: taking the state lock (the start of every
// apply) and writing a state version both pass the Lease fence first. The version write is also
// conditional on the serial the plan was made against (StateStore.put's expectedSerial), so a
// replica that got past the fence and was then paused cannot overwrite what the new holder wrote.

import type { StateStore } from '../../../state/store.ts';

export function fencedStore(store: StateStore, fence: () => Promise<void>): StateStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'lock')
        return async (...args: Parameters<StateStore['lock']>) => {
          await fence();
          return target.lock(...args);
        };
      if (prop === 'put')
        return async (...args: Parameters<StateStore['put']>) => {
          await fence();
          return target.put(...args);
        };
      const v: unknown = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}
