import { ChartPie } from '@strapi/icons';

export const PluginIcon = () => <ChartPie />;
