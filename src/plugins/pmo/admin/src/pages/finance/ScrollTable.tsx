/**
 * A finance table that scrolls sideways inside its own region, never widening the page: the region
 * is labelled and takes the keyboard's focus (arrow keys then scroll it), and with `stickyFirst`
 * the first column (the project's or programme's name) stays in place while the figures scroll
 * under it. Built on the design system's RawTable with its Thead/Tr/Th/Td, like its Table, whose
 * own scroll box can be neither labelled nor focused.
 */
import * as React from 'react';
import { Box, RawTable } from '@strapi/design-system';
import styled, { css } from 'styled-components';

const Region = styled(Box)`
  overflow-x: auto;
  max-width: 100%;

  &:focus-visible {
    outline: 2px solid ${({ theme }) => theme.colors.primary600};
    outline-offset: 2px;
  }
`;

const Grid = styled(RawTable)<{ $stickyFirst: boolean }>`
  width: 100%;
  white-space: nowrap;

  /* The design system's rows pad a first cell for a checkbox; here it holds a name. */
  & tr td:first-child,
  & tr th:first-child {
    padding-left: ${({ theme }) => theme.spaces[6]};
  }
  & tr td:last-child,
  & tr th:last-child {
    padding-right: ${({ theme }) => theme.spaces[6]};
  }

  ${({ $stickyFirst, theme }) =>
    $stickyFirst &&
    css`
      & tr > td:first-child,
      & tr > th:first-child {
        position: sticky;
        left: 0;
        z-index: 1;
        background: ${theme.colors.neutral0};
        box-shadow: inset -1px 0 0 ${theme.colors.neutral150};
      }
      /* A long name wraps rather than pushing the figures out of view. */
      & tr > td:first-child {
        white-space: normal;
        min-width: 28rem;
        max-width: 36rem;
      }
    `}
`;

/** A figure's cell content, right-aligned so the digits line up (the design system's cells are flex boxes). */
export const alignRight: React.CSSProperties = { display: 'block', width: '100%', textAlign: 'right' };

type ScrollTableProps = {
  /** What the region holds, for screen readers: "Earned value by programme". */
  label: string;
  colCount: number;
  rowCount: number;
  /** Keep the first column in view while the others scroll. */
  stickyFirst?: boolean;
  children: React.ReactNode;
  'data-testid'?: string;
};

export const ScrollTable = ({ label, colCount, rowCount, stickyFirst = false, children, ...rest }: ScrollTableProps) => (
  <Region
    role="region"
    aria-label={label}
    tabIndex={0}
    background="neutral0"
    shadow="tableShadow"
    hasRadius
    data-testid={rest['data-testid'] ? `${rest['data-testid']}-region` : undefined}
  >
    <Grid colCount={colCount} rowCount={rowCount} $stickyFirst={stickyFirst} data-testid={rest['data-testid']}>
      {children}
    </Grid>
  </Region>
);
