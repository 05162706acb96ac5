"""The OmniStore till: PySide6 windows, Qt models and the store-server client."""
