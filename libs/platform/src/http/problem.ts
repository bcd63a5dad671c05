/** An RFC 9457 problem details body. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Each bad field of the request, by its path in the body, query or header. */
  errors?: FieldError[];
}

export interface FieldError {
  field: string;
  messages: string[];
}

export const problemType = (code: string) => `/problems/${code}`;
