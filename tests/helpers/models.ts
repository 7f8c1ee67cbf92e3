/** The content types of the booted app, as the hostile-input tests walk them. */
import { getStrapi } from './strapi';

export type ModelAttribute = { type: string; enum?: string[]; required?: boolean; customField?: string; min?: number };
export type Model = { uid: string; info: { pluralName: string }; attributes: Record<string, ModelAttribute>; pluginOptions?: any };

export const rowCount = (uid: string) => getStrapi().db.query(uid as never).count();
export const models = () => Object.values(getStrapi().contentTypes as unknown as Record<string, Model>);
/** The app's types: the Content API serves them at /api/<plural>, the Content Manager edits them. */
export const appTypes = () => models().filter((model) => model.uid.startsWith('api::'));
/** The app's types and the plugin's types the Content Manager shows. */
export const managerTypes = () =>
  models().filter((model) => model.uid.startsWith('api::') || (model.uid.startsWith('plugin::pmo.') && model.pluginOptions?.['content-manager']?.visible !== false));
