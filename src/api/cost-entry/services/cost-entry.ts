import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::cost-entry.cost-entry');
