import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::status-report.status-report');
