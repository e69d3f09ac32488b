// A short, polite message for the user (a refused connection, a file that did not open); it clears itself.
import { create } from 'zustand';

interface NoticeState {
  text: string | undefined;
  show: (text: string) => void;
  clear: () => void;
}

let timer: ReturnType<typeof setTimeout> | undefined;

export const useNotice = create<NoticeState>((set) => ({
  text: undefined,
  show: (text) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => set({ text: undefined }), 6000);
    set({ text });
  },
  clear: () => set({ text: undefined }),
}));
