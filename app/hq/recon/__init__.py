"""对账 at HQ: the providers' bills read (``bills``), kept once (``imports``), matched against the
stores' sales (``days``, through the pure ``app.domain.recon``), and the ERP's vouchers (``erp``)."""
