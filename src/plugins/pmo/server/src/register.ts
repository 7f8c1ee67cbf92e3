import type { Core } from '@strapi/strapi';
import { registerDocumentCurrency } from './compliance/document-currency';
import { registerMoneyField } from './money/custom-field';
import { registerMoneyValidation } from './money/document-middleware';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  registerMoneyField(strapi);
  registerMoneyValidation(strapi);
  registerDocumentCurrency(strapi);
};

export default register;
