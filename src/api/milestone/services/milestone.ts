import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::milestone.milestone');
