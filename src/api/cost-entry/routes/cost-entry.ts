import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::cost-entry.cost-entry');
