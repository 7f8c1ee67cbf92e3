import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::status-report.status-report');
