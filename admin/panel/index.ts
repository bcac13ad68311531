export { adminRouter } from './router';
export type { AdminRouterOptions } from './router';
export { ensureFirstAdmin, DEFAULT_ADMIN_EMAIL } from './first-admin';
export type { SuggestAnswer, PanelLogger } from './context';
