'use client';

import { Menu } from '@/components/ui/menu';
import { COLUMNS } from './columns';

export function ColumnChooser({ visible, onChange }: { visible: readonly string[]; onChange: (ids: string[]) => void }) {
  return (
    <Menu label={`Columns (${visible.length})`}>
      <fieldset className="menu-choices">
        <legend className="visually-hidden">Shown columns</legend>
        {COLUMNS.map((column) => (
          <label key={column.id} className="check">
            <input
              type="checkbox"
              checked={visible.includes(column.id)}
              onChange={(event) =>
                onChange(
                  COLUMNS.map((c) => c.id).filter((id) => (id === column.id ? event.target.checked : visible.includes(id))),
                )
              }
            />
            {column.header}
          </label>
        ))}
      </fieldset>
    </Menu>
  );
}
