/**
 * The contract's types for a call made by method name, as the window makes it: tests that go
 * through `api.dispatch` get the answer typed as the bridge declares it.
 */
import type { BridgeMethod, TimetrayBridge } from '../../shared/bridge';

type Method<M extends BridgeMethod> = M extends `${infer N}.${infer K}`
  ? N extends keyof TimetrayBridge
    ? K extends keyof TimetrayBridge[N]
      ? TimetrayBridge[N][K] extends (...a: never[]) => unknown
        ? TimetrayBridge[N][K]
        : never
      : never
    : never
  : never;

export type BridgeAnswer<M extends BridgeMethod> = Awaited<ReturnType<Method<M>>>;
