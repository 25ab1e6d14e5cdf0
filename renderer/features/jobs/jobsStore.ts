import { create } from 'zustand';

/** View parameters of the jobs feature: whether the panel is open. The jobs themselves live in the Node side. */
interface JobsViewState {
  panelOpen: boolean;
  openPanel(): void;
  closePanel(): void;
  togglePanel(): void;
}

export const useJobsView = create<JobsViewState>((set) => ({
  panelOpen: false,
  openPanel: () => set({ panelOpen: true }),
  closePanel: () => set({ panelOpen: false }),
  togglePanel: () => set((state) => ({ panelOpen: !state.panelOpen })),
}));
