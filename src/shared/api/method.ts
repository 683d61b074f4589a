import type { z } from 'zod';

/** A contract method: the input schema the dispatcher enforces and the result schema it promises. */
export interface MethodDef<I extends z.ZodType, O extends z.ZodType> {
  readonly input: I;
  readonly output: O;
}

export const defineMethod = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodDef<I, O> => ({
  input,
  output,
});
