import bootstrap from './bootstrap';
import config from './config';
import controllers from './controllers';
import destroy from './destroy';
import register from './register';
import routes from './routes';
import contentTypes from './content-types';
import services from './services';
import { requestErrors, requestGuard } from './security/request-guard';
import { capabilityContentTypes, capabilityControllers, capabilityPolicies, capabilityServices } from './capabilities';

export default {
  register,
  bootstrap,
  destroy,
  config,
  controllers: { ...controllers, ...capabilityControllers() },
  routes,
  contentTypes: { ...contentTypes, ...capabilityContentTypes() },
  services: { ...services, ...capabilityServices() },
  policies: capabilityPolicies(),
  middlewares: { 'request-errors': requestErrors, 'request-guard': requestGuard },
};
