// ESLint 9 flat config: Next's rules (core web vitals: React, hooks, a11y, import) and
// typescript-eslint's recommended set. `npm run lint` runs it with --max-warnings 0.
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      // Destructuring a field away (`const { id: _id, ...rest } = row`) is how the code omits one;
      // an underscore marks a binding as unused on purpose.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { ignoreRestSiblings: true, argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // The environment is read through lib/env.ts alone (env(), benchEnv(), testEnv()), where each
    // variable is named, typed and checked. Setting a variable, or handing the whole environment
    // to a child process, stays allowed; so do the variables Next itself sets and inlines at build
    // (NODE_ENV, NEXT_RUNTIME, NEXT_PHASE). next.config.js is loaded by Next before any of our code.
    ignores: ["lib/env.ts", "next.config.js"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "MemberExpression[object.object.name='process'][object.property.name='env']:not([property.name=/^(NODE_ENV|NEXT_RUNTIME|NEXT_PHASE)$/]):not(AssignmentExpression > MemberExpression.left):not(UnaryExpression[operator='delete'] > MemberExpression)",
          message: "Read the environment through lib/env.ts (env(), benchEnv() or testEnv()).",
        },
        // Card states and ratings by name: State and Rating (ts-fsrs), never 0-4.
        {
          selector: "BinaryExpression[operator=/^[!=]==?$/][left.property.name=/^(state|rating)$/][right.type='Literal'][right.raw=/^[0-4]$/]",
          message: "Compare a card's state or a rating with State.* or Rating.* (ts-fsrs), not a number.",
        },
        {
          selector: "Property[key.name=/^(state|rating)$/][value.type='Literal'][value.raw=/^[0-4]$/]",
          message: "Write a card's state or a rating as State.* or Rating.* (ts-fsrs), not a number.",
        },
      ],
    },
  },
  {
    // Tests and scripts are not React code: `useBrowser` in the e2e tests is a vitest fixture, not a hook.
    files: ["tests/**", "scripts/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    ignores: [".next*/**", "lib/db/generated/**", "data/**", "coverage/**", "test-results/**", "next-env.d.ts"],
  },
];

export default config;
