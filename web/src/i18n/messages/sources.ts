import type { Translation } from '../catalogue';

/** The Sources page. */
export const en = {
} as const;

export const zh: Translation<typeof en> = {
};
