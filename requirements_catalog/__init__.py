"""The built-in catalogues (TOML data), installed as package data."""
