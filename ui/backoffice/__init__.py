"""The store manager's back office (后台): ``shell`` and one module per page."""
