// Lint, including the architecture's import boundaries (DEVELOPERS.md "Architecture"):
// core imports nothing outside core; services never import adapters, the app, or another service.
import tseslint from 'typescript-eslint';

const nodeIo = ['node:fs', 'node:fs/promises', 'node:net', 'node:http', 'node:https', 'node:child_process', 'fs', 'net', 'http', 'https', 'pg', 'ioredis', 'fastify', 'ws', '@electric-sql/pglite', 'pino'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'web/dist/**', 'coverage/**', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeIo,
        patterns: [{ group: ['../ports/*', '../../ports/*', '../adapters/*', '../../adapters/*', '../services/*', '../../services/*', '../app/*', '../../app/*', '../sim/*', '../../sim/*'], message: 'src/core is pure: it imports only from src/core.' }],
      }],
      'no-restricted-syntax': ['error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'core never reads the clock: take `now` as an argument.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'core never reads the clock: take `now` as an argument.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'core takes an injected random source.' },
      ],
    },
  },
  {
    files: ['src/services/*/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/adapters/**', '**/app/**', '**/sim/**'], message: 'A service gets its ports injected: import only core, ports and message types.' },
          { regex: '^\\.\\./(?!\\.\\.|messages/)[^/]+/', message: "A service never imports another service's internals." },
        ],
      }],
    },
  },
);
