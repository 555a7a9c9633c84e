"""Icons, styles, translations and the demo-project seed, installed as package data."""
