"""Exports (Excel gap register, PDF remediation plan) and the register re-import; no Qt here."""
