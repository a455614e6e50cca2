/** The table definition lives with local mode (runtime code must not import tests); tests reuse it. */
export { createTable } from '../../../functions/local/table';
