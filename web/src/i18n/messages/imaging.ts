import type { Translation } from '../catalogue';

/** The Imaging page. */
export const en = {
} as const;

export const zh: Translation<typeof en> = {
};
