/** A table's column headers: the first names each row, the others hold numbers, right-aligned. */
export function TableHead({ first, numbers }: { first: string; numbers: string[] }) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        {numbers.map((column) => (
          <th key={column} scope="col" className="num">
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}
