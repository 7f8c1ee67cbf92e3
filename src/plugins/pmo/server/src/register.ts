import type { Core } from '@strapi/strapi';
import { registerMoneyField } from './money/custom-field';
import { registerMoneyValidation } from './money/document-middleware';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  registerMoneyField(strapi);
  registerMoneyValidation(strapi);
};

export default register;
