import { refusedRows } from './refused-rows';

describe('refusedRows', () => {
  it('reads each refused row by line and column, in line order, and keeps problems of the whole file', () => {
    const problem = {
      type: '/problems/invalid-request',
      title: 'Invalid request',
      status: 400,
      errors: [
        { field: 'rows[4].timezone', messages: ['timezone is not a time zone'] },
        { field: 'rows[2].roles', messages: ['unknown role boss'] },
        { field: 'body', messages: ['unknown columns shoeSize'] },
      ],
    };
    expect(refusedRows(problem)).toEqual([
      { line: null, column: null, messages: ['unknown columns shoeSize'] },
      { line: 2, column: 'roles', messages: ['unknown role boss'] },
      { line: 4, column: 'timezone', messages: ['timezone is not a time zone'] },
    ]);
  });

  it('finds none in a problem without field errors', () => {
    expect(refusedRows({ type: '/problems/forbidden', title: 'Forbidden', status: 403 })).toEqual([]);
  });
});
