import { create } from 'zustand';
import type { SessionStatus, SignInProgress } from '../../../shared/contract/sessionChannels';
import { client } from '../../ui/client';

interface SessionState {
  /** Undefined until the first answer from the Node side. */
  status: SessionStatus | undefined;
  /** The sign-in screen's choices. */
  server: string | undefined;
  customEndpoint: string;
  allowEditing: boolean;
  /** The user asked to sign in to another account while signed in. */
  addingAccount: boolean;
  load(): Promise<void>;
  setProgress(progress: SignInProgress | null): void;
  setServer(server: string): void;
  setCustomEndpoint(endpoint: string): void;
  setAllowEditing(allow: boolean): void;
  setAddingAccount(adding: boolean): void;
}

/** Who is signed in (a view without tokens) and the sign-in screen's choices. */
export const useSession = create<SessionState>((set) => ({
  status: undefined,
  server: undefined,
  customEndpoint: '',
  allowEditing: false,
  addingAccount: false,
  load: async () => {
    const status = await client().session.status();
    set({ status });
  },
  setProgress: (progress) =>
    set((state) => (state.status ? { status: { ...state.status, signIn: progress } } : state)),
  setServer: (server) => set({ server }),
  setCustomEndpoint: (customEndpoint) => set({ customEndpoint }),
  setAllowEditing: (allowEditing) => set({ allowEditing }),
  setAddingAccount: (addingAccount) => set({ addingAccount }),
}));

/** The server the next sign-in goes to: the advanced field when filled, else the chosen one. */
export function chosenServer(state: Pick<SessionState, 'status' | 'server' | 'customEndpoint'>): string {
  const custom = state.customEndpoint.trim();
  if (custom) return custom;
  return state.server ?? state.status?.defaultServer ?? '';
}
