import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::status-report.status-report');
