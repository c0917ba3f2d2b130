/**
 * graphql-js chooses its `instanceOf` when it loads: outside production, every check that fails (is
 * this type a list? an object?) also reads both classes' names, to warn of a second copy of graphql
 * in node_modules. Schema building, validation and variable coercion run such checks by the
 * thousand: 2–3 % of an end-to-end suite's CPU. Production runs the plain `instanceof`, and so do the
 * tests (Jest sets NODE_ENV=test): the module is loaded here, in each test file's own registry,
 * before anything else imports graphql. NODE_ENV itself stays as it was.
 */
const mode = process.env.NODE_ENV;
process.env.NODE_ENV = 'production';
try {
  // An import would be hoisted above the line that sets the mode.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('graphql/jsutils/instanceOf');
} finally {
  process.env.NODE_ENV = mode;
}
