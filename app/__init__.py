"""OmniStore: till, store server and HQ sync for Chinese chain stores."""

__version__ = "0.1.0"
