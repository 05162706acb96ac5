"""Pure retail rules: money, codes, quantities, documents. Imports only the stdlib."""
