// Label stock: where each label of a batch sits on an A4 sheet. Plain data, so another stock
// is one more entry; the default is the common 24-up A4 layout (3 across, 8 down, 63.5 x
// 33.9 mm labels, 7.25 mm side and 12.9 mm top margins, 2.5 mm between columns).

export interface LabelStock {
  name: string;
  pageWidth: number;
  pageHeight: number;
  columns: number;
  rows: number;
  labelWidth: number;
  labelHeight: number;
  left: number;
  top: number;
  columnGap: number;
  rowGap: number;
  /** White space kept inside each label: sheets feed through printers a millimetre or so off. */
  inset: number;
}

export const A4_3X8: LabelStock = {
  name: "a4-3x8",
  pageWidth: 210,
  pageHeight: 297,
  columns: 3,
  rows: 8,
  labelWidth: 63.5,
  labelHeight: 33.9,
  left: 7.25,
  top: 12.9,
  columnGap: 2.5,
  rowGap: 0,
  inset: 1.5,
};

export function labelsPerPage(stock: LabelStock): number {
  return stock.columns * stock.rows;
}

export function pageCount(labels: number, stock: LabelStock = A4_3X8): number {
  return Math.max(1, Math.ceil(labels / labelsPerPage(stock)));
}

/** Top-left corner of label `index` (0-based) on its page, row by row. */
export function labelSlot(stock: LabelStock, index: number): { page: number; left: number; top: number } {
  const perPage = labelsPerPage(stock);
  const onPage = index % perPage;
  const column = onPage % stock.columns;
  const row = Math.floor(onPage / stock.columns);
  return {
    page: Math.floor(index / perPage),
    left: stock.left + column * (stock.labelWidth + stock.columnGap),
    top: stock.top + row * (stock.labelHeight + stock.rowGap),
  };
}
