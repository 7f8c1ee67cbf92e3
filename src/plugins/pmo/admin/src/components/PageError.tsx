import { Page } from '@strapi/strapi/admin';

/**
 * Strapi's error page with our own message. Page.Error passes its props to the design system's
 * EmptyStateLayout (`content`), which custom.d.ts leaves untyped here.
 */
export const PageError = Page.Error as unknown as (props: { content?: string }) => JSX.Element;
