import type { Translation } from '../catalogue';

/** Storytellers' tools: figure downloads (PNG, SVG), embed snippet, permalink. */
export const en = {
} as const;

export const zh: Translation<typeof en> = {
};
